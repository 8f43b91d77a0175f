// One typed error vocabulary for the whole app. `message` is always safe to show a user;
// anything sensitive goes to the server log through `cause`, never to the browser.

export type ErrorCode =
  | "unauthenticated"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "invalid"
  | "unavailable"
  | "internal";

const defaultMessages: Record<ErrorCode, string> = {
  unauthenticated: "Your session has ended. Sign in again to continue.",
  not_found: "We could not find that. It may have been deleted.",
  conflict: "That conflicts with something you already have.",
  rate_limited: "Too many attempts. Please wait a little and try again.",
  invalid: "Some of what you entered needs another look.",
  unavailable: "The service is briefly unavailable. Your input is kept: please try again.",
  internal: "Something went wrong on our side. Your input is kept: please try again.",
};

const httpStatus: Record<ErrorCode, number> = {
  unauthenticated: 401,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  invalid: 400,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? defaultMessages[code], options);
    this.name = "AppError";
    this.code = code;
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

export const notFound = (what = "That record") =>
  new AppError("not_found", `${what} was not found. It may have been deleted.`);

export function userMessageFor(code: ErrorCode): string {
  return defaultMessages[code];
}

export function statusFor(code: ErrorCode): number {
  return httpStatus[code];
}
