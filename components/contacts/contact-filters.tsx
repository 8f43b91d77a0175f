import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/field";
import { PARTICIPANT_ROLES } from "@/lib/db/schema";
import { roleLabels } from "@/lib/labels";
import type { ContactListQuery } from "@/lib/validations/contacts";

/** A plain GET form: filtering works without JavaScript and every result has its own address. */
export function ContactFilters({ query, tags }: { query: ContactListQuery; tags: string[] }) {
  // A tag from the address bar stays selectable even when it is past the bounded list.
  const tagOptions = query.tag && !tags.includes(query.tag) ? [query.tag, ...tags] : tags;
  const filtered = Boolean(query.q || query.role || query.tag || query.sort !== "recent");
  return (
    <search aria-label="Search and filter contacts">
      <form
        method="get"
        action="/contacts"
        className="mb-6 grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]"
      >
        <div className="space-y-1.5 sm:col-span-2 lg:col-span-1">
          <Label htmlFor="contacts-q">Search</Label>
          <Input
            id="contacts-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            placeholder="Name, company, title or email"
            maxLength={200}
          />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="contacts-role">Role in a process</Label>
          <Select id="contacts-role" name="role" defaultValue={query.role ?? ""}>
            <option value="">Any role</option>
            {PARTICIPANT_ROLES.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="contacts-tag">Tag</Label>
          <Select id="contacts-tag" name="tag" defaultValue={query.tag ?? ""}>
            <option value="">Any tag</option>
            {tagOptions.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="contacts-sort">Sort by</Label>
          <Select id="contacts-sort" name="sort" defaultValue={query.sort}>
            <option value="recent">Last contacted</option>
            <option value="name">Name</option>
          </Select>
        </div>
        <div className="flex items-end gap-2">
          <Button type="submit" className="flex-1 lg:flex-none">
            Apply
          </Button>
          {filtered ? (
            <Button asChild variant="ghost">
              <Link href="/contacts">Clear</Link>
            </Button>
          ) : null}
        </div>
      </form>
    </search>
  );
}
