import { format, parseISO } from "date-fns";
import type { OutcomeMonth, Outcomes } from "@/lib/db/queries/dashboard";
import { roleLabels } from "@/lib/labels";

// Outcomes of the thank-you notes, drawn on the server as an accessible SVG: one column per
// month, the notes sent as a light bar with what came of them (replies, interviews, offers)
// drawn inside it from the bottom. Each is part of the one before (a funnel), so the nested
// bars never overlap wrongly. The numbers are also given as text and in a table.

const SERIES = [
  { key: "sent", label: "Notes sent", fill: "fill-stone-300", swatch: "bg-stone-300" },
  { key: "replies", label: "Replies", fill: "fill-brand-600", swatch: "bg-brand-600" },
  { key: "interviews", label: "Interviews", fill: "fill-brand-800", swatch: "bg-brand-800" },
  { key: "offers", label: "Offers", fill: "fill-amber-500", swatch: "bg-amber-500" },
] as const;

const WIDTH = 360;
const HEIGHT = 170;
const TOP = 16;
const BOTTOM = 22;
const LEFT = 4;
const COLUMN = (WIDTH - LEFT) / 12;

const monthName = (month: string, pattern: string) => format(parseISO(`${month}-01`), pattern);
const percent = (part: number, whole: number) =>
  whole === 0 ? "–" : `${Math.round((100 * part) / whole)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function outcomesSummary(outcomes: Outcomes): string {
  const { sent, replies, interviews, offers } = outcomes.totals;
  return `In the last 12 months: ${plural(sent, "note")} sent, ${plural(replies, "reply", "replies")} (${percent(replies, sent)}), ${plural(interviews, "interview")} and ${plural(offers, "offer")} from them.`;
}

function Bars({ months }: { months: OutcomeMonth[] }) {
  const peak = Math.max(1, ...months.map((month) => month.sent));
  const plot = HEIGHT - TOP - BOTTOM;
  const height = (value: number) => (value / peak) * plot;
  const base = HEIGHT - BOTTOM;
  return (
    <>
      <line x1={LEFT} x2={WIDTH} y1={TOP} y2={TOP} className="stroke-stone-200" strokeWidth={1} />
      <text x={LEFT} y={TOP - 4} className="fill-stone-500" fontSize={11}>
        {peak}
      </text>
      <line x1={LEFT} x2={WIDTH} y1={base} y2={base} className="stroke-stone-400" strokeWidth={1} />
      {months.map((month, index) => {
        const x = LEFT + index * COLUMN;
        return (
          <g key={month.month}>
            {SERIES.map((series, depth) => {
              const value = month[series.key];
              if (value === 0) return null;
              // Inner bars are a little narrower, so each one stays visible on top of the last.
              const inset = 4 + depth * 2;
              return (
                <rect
                  key={series.key}
                  x={x + inset}
                  width={COLUMN - 2 * inset}
                  y={base - height(value)}
                  height={height(value)}
                  rx={2}
                  className={series.fill}
                />
              );
            })}
            {month.sent > 0 ? (
              <text
                x={x + COLUMN / 2}
                y={base - height(month.sent) - 3}
                textAnchor="middle"
                fontSize={11}
                className="fill-stone-700"
              >
                {month.sent}
              </text>
            ) : null}
            <text
              x={x + COLUMN / 2}
              y={HEIGHT - 6}
              textAnchor="middle"
              fontSize={11}
              className="fill-stone-600"
            >
              {monthName(month.month, "MMM")}
            </text>
          </g>
        );
      })}
    </>
  );
}

export function OutcomesChart({ outcomes }: { outcomes: Outcomes }) {
  const first = outcomes.months[0]?.month;
  const last = outcomes.months.at(-1)?.month;
  const range =
    first && last ? `${monthName(first, "MMMM yyyy")} to ${monthName(last, "MMMM yyyy")}` : "";
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-700" data-testid="outcomes-summary">
        {outcomesSummary(outcomes)}
        {outcomes.capped ? " (Counted over your latest notes only.)" : null}
      </p>
      <figure className="space-y-2">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="h-auto w-full max-w-2xl"
          role="img"
          aria-label={`Notes sent each month and what came of them, ${range}. ${outcomesSummary(outcomes)} The table below gives every month.`}
        >
          <Bars months={outcomes.months} />
        </svg>
        <figcaption>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700">
            {SERIES.map((series) => (
              <li key={series.key} className="flex items-center gap-1.5">
                <span aria-hidden="true" className={`size-3 rounded-sm ${series.swatch}`} />
                {series.label}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
      <details className="rounded-lg border border-stone-200">
        <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium">
          The numbers, month by month
        </summary>
        <div className="overflow-x-auto px-3 pb-3">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Notes sent and their outcomes by month</caption>
            <thead>
              <tr className="text-stone-600">
                <th scope="col" className="py-1 pr-2 font-medium">
                  Month
                </th>
                {SERIES.map((series) => (
                  <th key={series.key} scope="col" className="px-1 py-1 text-right font-medium">
                    {series.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {outcomes.months.map((month) => (
                <tr key={month.month}>
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {monthName(month.month, "MMM yyyy")}
                  </th>
                  {SERIES.map((series) => (
                    <td key={series.key} className="px-1 py-1 text-right tabular-nums">
                      {month[series.key]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {outcomes.byRole.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold">By role</h3>
          <table className="mt-2 w-full text-left text-sm" data-testid="outcomes-by-role">
            <caption className="sr-only">Notes sent and replies by the person's role</caption>
            <thead>
              <tr className="text-stone-600">
                <th scope="col" className="py-1 pr-2 font-medium">
                  Role
                </th>
                <th scope="col" className="px-1 py-1 text-right font-medium">
                  Sent
                </th>
                <th scope="col" className="px-1 py-1 text-right font-medium">
                  Replies
                </th>
                <th scope="col" className="py-1 pl-1 text-right font-medium">
                  Reply rate
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {outcomes.byRole.map((row) => (
                <tr key={row.role ?? "none"}>
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {row.role ? roleLabels[row.role] : "Not in a process"}
                  </th>
                  <td className="px-1 py-1 text-right tabular-nums">{row.sent}</td>
                  <td className="px-1 py-1 text-right tabular-nums">{row.replies}</td>
                  <td className="py-1 pl-1 text-right tabular-nums">
                    {percent(row.replies, row.sent)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
