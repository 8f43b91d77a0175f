import "server-only";
import nodemailer from "nodemailer";
import { bearerMatches } from "./bearer";
import { sendWeeklyDigests } from "./send";

// The scheduler's endpoint (/api/digest), with its configuration passed in so tests can run it
// against their own SMTP server. The route file only supplies the environment.

export type DigestEndpointConfig = {
  smtpUrl: string | undefined;
  cronSecret: string | undefined;
  from: string;
  appUrl: string;
  now?: Date;
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

export async function handleDigestRequest(
  request: Request,
  config: DigestEndpointConfig,
): Promise<Response> {
  // Without SMTP the feature does not exist, as far as anyone outside can tell.
  if (!config.smtpUrl) return json(404, { error: "Not found" });
  if (
    !config.cronSecret ||
    !bearerMatches(request.headers.get("authorization"), config.cronSecret)
  ) {
    return json(401, { error: "Unauthorized" }, { "WWW-Authenticate": "Bearer" });
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  try {
    const result = await sendWeeklyDigests({
      transport,
      from: config.from,
      appUrl: config.appUrl,
      now: config.now,
    });
    return json(200, result);
  } catch (error) {
    console.error("Weekly digest run failed:", error);
    return json(500, { error: "The digest run failed; it can be retried safely." });
  } finally {
    transport.close();
  }
}
