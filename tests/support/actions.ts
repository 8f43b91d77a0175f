// Calling server actions in tests: FormData the way a browser sends it, and where a
// redirecting action sent the browser.

/** FormData from a plain object; arrays repeat the key, undefined values are left out. */
export function formData(values: Record<string, string | string[] | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}

/** The path from Next's NEXT_REDIRECT error ("NEXT_REDIRECT;replace;/path;307;"). */
export async function redirectTarget(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      return digest.split(";").slice(2, -2).join(";");
    }
    throw error;
  }
  throw new Error("expected a redirect");
}
