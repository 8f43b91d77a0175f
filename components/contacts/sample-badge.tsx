/** Marks demo data the user did not enter. */
export function SampleBadge() {
  return (
    <span className="inline-flex items-center rounded-full border border-dashed border-stone-300 px-2 py-0.5 text-xs font-medium text-stone-600">
      Sample
    </span>
  );
}
