import { loadEnvConfig } from "@next/env";

// Scripts read .env / .env.local exactly as the Next server does, so `npm start`'s migration and
// the server it starts always agree on DATABASE_URL. Imported first, before lib/env parses.
loadEnvConfig(process.cwd());
