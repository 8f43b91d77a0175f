import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";

/** What and where, as a GET form so the search lives in the address and needs no JavaScript. */
export function OpeningSearch({ what, where }: { what: string; where: string }) {
  return (
    <search aria-label="Search openings">
      <form
        method="get"
        action="/openings"
        className="mb-6 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      >
        <div className="space-y-1.5">
          <Label htmlFor="opening-what">What</Label>
          <Input
            id="opening-what"
            name="what"
            type="search"
            defaultValue={what}
            placeholder="Job title, keyword or company"
          />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="opening-where">Where</Label>
          <Input
            id="opening-where"
            name="where"
            type="search"
            defaultValue={where}
            placeholder="City, or Remote"
          />
        </div>
        <Button type="submit" variant="secondary">
          <Search aria-hidden="true" className="size-4" />
          Search
        </Button>
      </form>
    </search>
  );
}
