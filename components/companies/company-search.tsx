import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/field";
import type { CompanySort } from "@/lib/validations/companies";

/** A plain GET form: works without JavaScript and keeps the search in the address. */
export function CompanySearch({ q, sort }: { q: string; sort: CompanySort }) {
  return (
    <search aria-label="Search companies">
      <form
        method="get"
        action="/companies"
        className="mb-6 grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end"
      >
        <div className="space-y-1.5">
          <Label htmlFor="company-q">Search by name</Label>
          <Input id="company-q" name="q" type="search" defaultValue={q} placeholder="Acme" />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="company-sort">Sort by</Label>
          <Select id="company-sort" name="sort" defaultValue={sort}>
            <option value="name">Name</option>
            <option value="recent">Recently updated</option>
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          <Search aria-hidden="true" className="size-4" />
          Search
        </Button>
      </form>
    </search>
  );
}
