import Link from "next/link";
import { cn } from "@/lib/utils";

/**
 * Previous / next links that keep the current query (search, filters, sort).
 * Keyset or offset: the caller decides what `page` means and whether there is a next one.
 */
export function Pagination({
  basePath,
  query,
  page,
  hasNext,
  label = "Pages",
}: {
  basePath: string;
  query: Record<string, string | undefined>;
  page: number;
  hasNext: boolean;
  label?: string;
}) {
  if (page <= 1 && !hasNext) return null;
  const href = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  const linkClass =
    "inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-4 text-sm font-medium hover:bg-stone-100";
  return (
    <nav aria-label={label} className="mt-6 flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link className={linkClass} href={href(page - 1)} rel="prev">
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-stone-600">Page {page}</span>
      {hasNext ? (
        <Link className={cn(linkClass)} href={href(page + 1)} rel="next">
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
