/** Marks records that came with the sample data, so people know they can remove them. */
export function SampleBadge() {
  return (
    <span className="inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
      Sample
    </span>
  );
}
