import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// The only module that reads process.env. Everything else imports `env` from here, so every
// setting is validated once, has a documented default, and appears in .env.example.

/** Empty strings in a .env file mean "not set", not "set to nothing". */
const optionalString = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().optional(),
);

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Port `npm start` serves on. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** postgres://… selects the postgres.js driver; unset selects embedded PGlite. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
  ),
  DATABASE_POOL_SIZE: positiveInt(10),
  /** Folder for the embedded database and the generated auth secret. */
  DATA_DIR: z.string().default(".data"),
  /** PGlite data directory; `memory://` keeps it in memory (tests). Defaults to DATA_DIR/pglite. */
  PGLITE_DIR: optionalString,
  AUTH_SECRET: optionalString.pipe(
    z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  ),
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: positiveInt(5),
  SIGN_IN_MAX_FAILURES_PER_CLIENT: positiveInt(20),
  SIGN_IN_WINDOW_MINUTES: positiveInt(15),
  /** LLM drafting: unset key means every draft comes from the template engine. */
  OPENAI_API_KEY: optionalString,
  /** Any OpenAI-compatible endpoint (Ollama, LM Studio, vLLM); unset means OpenAI itself. */
  OPENAI_BASE_URL: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, error: "OPENAI_BASE_URL must be an http:// or https:// URL" })
      .optional(),
  ),
  OPENAI_MODEL: optionalString.transform((value) => value ?? "gpt-4o-mini"),
  /** Time budget for a whole draft, in milliseconds; past it the template takes over. */
  OPENAI_TIMEOUT_MS: positiveInt(20_000),
  /** How long to wait for the model's first token before giving up, in milliseconds. */
  OPENAI_FIRST_TOKEN_TIMEOUT_MS: positiveInt(8000),
  /** Model drafts per user per hour; beyond it drafts come from templates. */
  DRAFTS_PER_HOUR: positiveInt(30),
  /** Public address of the app, for links in e-mails (no request to take it from). */
  APP_URL: optionalString
    .pipe(
      z
        .url({ protocol: /^https?$/, error: "APP_URL must be an http:// or https:// URL" })
        .optional(),
    )
    .transform((value) => (value ?? "http://localhost:3000").replace(/\/+$/, "")),
  /** Weekly digest: unset hides the feature entirely. smtp://user:pass@host:587 or smtps://… */
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(
        /^smtps?:\/\/[^\s]+$/,
        "SMTP_URL must look like smtp://user:pass@host:587 or smtps://…",
      )
      .optional(),
  ),
  /** Sender of the weekly digest. */
  DIGEST_FROM: optionalString.transform((value) => value ?? "Runner-Up <no-reply@localhost>"),
  /** Bearer secret the scheduler sends to /api/digest; unset means the endpoint refuses everyone. */
  CRON_SECRET: optionalString.pipe(
    z.string().min(16, "CRON_SECRET must be at least 16 characters").optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();

export const dataDir = path.resolve(env.DATA_DIR);
export const pgliteDir = env.PGLITE_DIR ?? path.join(dataDir, "pglite");

let cachedSecret: string | undefined;

/**
 * AUTH_SECRET signs session cookies. Without one, generate a secret once and keep it in the
 * data folder, so sessions survive a restart on a zero-configuration install.
 */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (cachedSecret) return cachedSecret;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    cachedSecret = readFileSync(file, "utf8").trim();
  } else {
    mkdirSync(dataDir, { recursive: true });
    cachedSecret = randomBytes(32).toString("base64url");
    writeFileSync(file, `${cachedSecret}\n`, { mode: 0o600 });
  }
  console.warn(
    `AUTH_SECRET is not set: using the generated secret in ${file}. Set AUTH_SECRET in production.`,
  );
  return cachedSecret;
}

export const oauthProviders = {
  github: Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
  google: Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET),
};

/** True when an LLM provider is configured; otherwise drafting uses templates only. */
export function llmConfigured(): boolean {
  return Boolean(env.OPENAI_API_KEY);
}

/** True when SMTP and the scheduler's secret are both set, so weekly digests can go out. */
export function digestConfigured(): boolean {
  return Boolean(env.SMTP_URL && env.CRON_SECRET);
}
