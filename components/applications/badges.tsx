import type { ApplicationStage } from "@/lib/db/schema";
import { stageLabels } from "@/lib/labels";
import { cn } from "@/lib/utils";

const badgeClass = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium";

const stageColors: Record<ApplicationStage, string> = {
  applied: "bg-stone-100 text-stone-700",
  screening: "bg-sky-50 text-sky-800",
  interviewing: "bg-indigo-50 text-indigo-800",
  final_round: "bg-violet-50 text-violet-800",
  offer: "bg-brand-50 text-brand-800",
  rejected: "bg-amber-50 text-amber-900",
  withdrawn: "bg-stone-100 text-stone-600",
  hired: "bg-brand-100 text-brand-800",
};

export function StageBadge({ stage }: { stage: ApplicationStage }) {
  return <span className={cn(badgeClass, stageColors[stage])}>{stageLabels[stage]}</span>;
}

/** "Finalist", or "Runner-up #2" when the employer said where the user ranked. */
export function FinalistBadge({
  wasFinalist,
  runnerUpRank,
}: {
  wasFinalist: boolean;
  runnerUpRank: number | null;
}) {
  if (runnerUpRank) {
    return (
      <span className={cn(badgeClass, "bg-brand-50 text-brand-800")}>
        Runner-up #{runnerUpRank}
      </span>
    );
  }
  if (!wasFinalist) return null;
  return <span className={cn(badgeClass, "bg-brand-50 text-brand-800")}>Finalist</span>;
}
