"use client";

import { useSearchParams } from "next/navigation";
import { countText } from "./words";

const count = (value: string | null) => {
  const number = Number(value);
  return Number.isSafeInteger(number) && number >= 0 ? number : 0;
};

/** The outcome of an import, shown on the contacts list the import leads back to. */
export function ImportNotice() {
  const params = useSearchParams();
  if (!params.has("imported")) return null;
  const imported = count(params.get("imported"));
  const merged = count(params.get("merged"));
  const skipped = count(params.get("skipped"));
  const problems = count(params.get("problems"));
  return (
    <p
      role="status"
      data-testid="import-notice"
      className="mb-4 rounded-lg bg-brand-50 p-3 text-sm text-brand-800"
    >
      Imported {countText(imported, "contact")}, merged {merged.toLocaleString("en-US")}, skipped{" "}
      {skipped.toLocaleString("en-US")}.
      {problems > 0
        ? ` ${countText(problems, "row")} with problems ${problems === 1 ? "was" : "were"} left out.`
        : ""}
    </p>
  );
}
