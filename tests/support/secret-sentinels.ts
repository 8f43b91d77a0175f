// Server-only settings given to the end-to-end app servers (and to the build they start), with
// values that cannot occur by chance, so a test can look for them in everything the browser
// receives: the built client bundles, the HTML and the React Server Component payloads.

export const appSecretSentinels = {
  AUTH_SECRET: "sentinel-auth-secret-4c1f9e2b7a6d5e3f8a0b1c2d3e4f5a6b",
  CRON_SECRET: "sentinel-cron-secret-8e7d6c5b4a39",
  SMTP_URL: "smtp://sentinel-smtp-user:sentinel-smtp-password-2f4e6a@127.0.0.1:9",
  // Without a matching client id these do not switch the providers on; they are still
  // server-only values that must never be shipped.
  AUTH_GITHUB_SECRET: "sentinel-github-secret-5b3a1c9d7e",
  AUTH_GOOGLE_SECRET: "sentinel-google-secret-1a2b3c4d5e",
} as const;

export const llmSecretSentinels = {
  OPENAI_API_KEY: "sk-sentinel-openai-key-9c8b7a6f5e4d",
} as const;

/** The distinctive part of each value: what must not appear in anything sent to a browser. */
export function sentinelNeedles(): string[] {
  return [
    appSecretSentinels.AUTH_SECRET,
    appSecretSentinels.CRON_SECRET,
    "sentinel-smtp-password-2f4e6a",
    appSecretSentinels.AUTH_GITHUB_SECRET,
    appSecretSentinels.AUTH_GOOGLE_SECRET,
    llmSecretSentinels.OPENAI_API_KEY,
  ];
}
