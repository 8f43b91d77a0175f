import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const handle = openDatabase({ url, poolSize: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
}
