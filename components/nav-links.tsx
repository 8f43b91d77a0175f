import { Building2, Contact, LayoutDashboard, Mail, Send } from "lucide-react";
import { NavLink } from "./nav-link";

export const navItems = [
  { href: "/dashboard", label: "Dashboard", icon: LayoutDashboard },
  { href: "/contacts", label: "Contacts", icon: Contact },
  { href: "/companies", label: "Companies", icon: Building2 },
  { href: "/applications", label: "Applications", icon: Send },
  { href: "/notes", label: "Notes", icon: Mail },
] as const;

/** Desktop: a row of links in the header. */
export function HeaderNav() {
  return (
    <nav aria-label="Main" className="hidden md:block">
      <ul className="flex items-center gap-1">
        {navItems.map(({ href, label }) => (
          <li key={href}>
            <NavLink
              href={href}
              className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium hover:bg-stone-100"
              activeClassName="bg-brand-50 text-brand-800"
              inactiveClassName="text-stone-700"
            >
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Phone: a tab bar within thumb reach at the bottom of the screen. */
export function TabBar() {
  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden"
    >
      <ul className="grid grid-cols-5">
        {navItems.map(({ href, label, icon: Icon }) => (
          <li key={href}>
            <NavLink
              href={href}
              className="flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs font-medium"
              activeClassName="text-brand-700"
              inactiveClassName="text-stone-600"
            >
              <Icon aria-hidden="true" className="size-5" />
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
