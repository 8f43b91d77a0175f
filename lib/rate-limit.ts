import "server-only";
import { countersInWindow, deleteCounter, incrementCounter } from "@/lib/db/queries/rate-limits";

// Fixed-window limiters whose counters live in the database, so every app instance sees the
// same count. A window starts at the first hit and lasts `windowSeconds`.

export type LimitStatus = { limited: boolean; retryAfterSeconds: number };

export type FixedWindowLimiter = {
  /** Whether `subject` has already used up its allowance (does not count anything). */
  check(subject: string): Promise<LimitStatus>;
  /** Counts one use and tells whether it went over the allowance. */
  hit(subject: string): Promise<LimitStatus>;
  reset(subject: string): Promise<void>;
};

export function fixedWindowLimiter(options: {
  name: string;
  limit: number;
  windowSeconds: number;
}): FixedWindowLimiter {
  const key = (subject: string) => `${options.name}:${subject}`;
  const status = (count: number, windowStartedAt: Date): LimitStatus => {
    const endsAt = windowStartedAt.getTime() + options.windowSeconds * 1000;
    return {
      limited: count >= options.limit,
      retryAfterSeconds: Math.max(1, Math.ceil((endsAt - Date.now()) / 1000)),
    };
  };
  return {
    async check(subject) {
      const [row] = await countersInWindow([key(subject)], options.windowSeconds);
      return row
        ? status(row.count, row.windowStartedAt)
        : { limited: false, retryAfterSeconds: 0 };
    },
    async hit(subject) {
      const row = await incrementCounter(key(subject), options.windowSeconds);
      return { ...status(row.count, row.windowStartedAt), limited: row.count > options.limit };
    },
    reset: (subject) => deleteCounter(key(subject)),
  };
}
