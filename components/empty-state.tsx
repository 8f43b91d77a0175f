import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** What a page will hold once there is data, and the next step to get there. */
export function EmptyState({
  icon: Icon,
  title,
  children,
  action,
}: {
  icon: LucideIcon;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <section className="rounded-2xl border border-dashed border-stone-300 bg-white px-6 py-10 text-center">
      <Icon aria-hidden="true" className="mx-auto size-10 text-brand-600" />
      <h2 className="mt-4 text-lg font-semibold">{title}</h2>
      <div className="mx-auto mt-2 max-w-prose text-sm text-stone-600">{children}</div>
      {action ? <div className="mt-6 flex flex-wrap justify-center gap-3">{action}</div> : null}
    </section>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight wrap-anywhere">{title}</h1>
        {description ? <p className="mt-1 text-sm text-stone-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
