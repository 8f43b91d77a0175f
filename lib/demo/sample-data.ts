import { randomUUID } from "node:crypto";
import { format, setHours, startOfDay, subDays } from "date-fns";
import type { ApplicationStage, InteractionKind, ParticipantRole } from "@/lib/db/schema";
import { type DemoRows, emptyRows, latestInteractionByContact } from "./types";

// The sample account a new user can load from an empty dashboard: one process that ended in a
// final-round "no" (the case Runner-Up exists for), with everyone the user met, plus two
// processes still running and an opening that just appeared at the employer that said no.
// Dates are relative to `now`, so the story is always recent. Every row is flagged isSample
// where the table has the column; notes and follow-ups have none and hang off sample contacts.

export type SampleOptions = { now?: Date; newId?: () => string };

export function buildSampleData(userId: string, options: SampleOptions = {}): DemoRows {
  const now = options.now ?? new Date();
  const newId = options.newId ?? randomUUID;
  const day = (daysAgo: number) => format(subDays(now, daysAgo), "yyyy-MM-dd");
  const at = (daysAgo: number, hour: number) => setHours(startOfDay(subDays(now, daysAgo)), hour);
  const id = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((key) => [key, newId()])) as Record<K, string>;

  const company = id(["northwind", "kestrel", "juniper", "alder"]);
  const person = id(["dana", "marcus", "priya", "tomas", "elena", "samuel", "hannah"]);
  const application = id(["northwind", "kestrel", "juniper"]);
  const rows = emptyRows();
  const isSample = true;

  rows.companies.push(
    {
      id: company.northwind,
      userId,
      name: "Northwind Analytics",
      website: "https://northwind.example",
      careersUrl: "https://northwind.example/careers",
      interest: 5,
      notes:
        "Route-planning software for delivery fleets, about 300 people, hybrid in Lyon. The design team doubled this year.",
      isSample,
    },
    {
      id: company.kestrel,
      userId,
      name: "Kestrel Health",
      website: "https://kestrelhealth.example",
      careersUrl: "https://kestrelhealth.example/jobs",
      interest: 4,
      notes: "Patient apps for clinics. Mission I care about; slower pace than a startup.",
      isSample,
    },
    {
      id: company.juniper,
      userId,
      name: "Juniper Labs",
      website: "https://juniperlabs.example",
      interest: 3,
      notes: "Developer tools, remote-first, small team of 40.",
      isSample,
    },
    {
      id: company.alder,
      userId,
      name: "Alder & Pine Outfitters",
      website: "https://alderpine.example",
      careersUrl: "https://alderpine.example/careers",
      interest: 2,
      notes: "Outdoor retailer rebuilding its online store. Watching for a design opening.",
      isSample,
    },
  );

  type CompanyKey = keyof typeof company;
  type PersonKey = keyof typeof person;
  type ApplicationKey = keyof typeof application;

  const contact = (
    key: PersonKey,
    companyKey: CompanyKey,
    fullName: string,
    title: string,
    email: string,
    extra: { linkedin?: string; tags: string[]; notes?: string; phone?: string },
  ) =>
    rows.contacts.push({
      id: person[key],
      userId,
      companyId: company[companyKey],
      fullName,
      title,
      email,
      phone: extra.phone ?? null,
      linkedinUrl: extra.linkedin ? `https://www.linkedin.com/in/${extra.linkedin}` : null,
      tags: extra.tags,
      notes: extra.notes ?? null,
      isSample,
    });
  contact(
    "dana",
    "northwind",
    "Dana Whitfield",
    "Director of Product Design",
    "dana.whitfield@northwind.example",
    {
      linkedin: "dana-whitfield-example",
      tags: ["hiring manager", "design"],
      notes: "Would be my manager. Direct, generous with feedback, runs a weekly design crit.",
    },
  );
  contact(
    "marcus",
    "northwind",
    "Marcus Oyelaran",
    "Senior Technical Recruiter",
    "marcus.oyelaran@northwind.example",
    { linkedin: "marcus-oyelaran-example", tags: ["recruiter"], phone: "+33 4 00 00 01 23" },
  );
  contact(
    "priya",
    "northwind",
    "Priya Raman",
    "Staff Product Designer",
    "priya.raman@northwind.example",
    { linkedin: "priya-raman-example", tags: ["design", "accessibility"] },
  );
  contact(
    "tomas",
    "northwind",
    "Tomás Ibarra",
    "Engineering Manager, Routing",
    "tomas.ibarra@northwind.example",
    { tags: ["engineering"] },
  );
  contact(
    "elena",
    "kestrel",
    "Elena Sokolova",
    "Talent Partner",
    "elena.sokolova@kestrelhealth.example",
    { linkedin: "elena-sokolova-example", tags: ["recruiter"] },
  );
  contact(
    "samuel",
    "kestrel",
    "Samuel Okafor",
    "Design Manager, Patient Apps",
    "samuel.okafor@kestrelhealth.example",
    { tags: ["hiring manager", "design"] },
  );
  contact("hannah", "juniper", "Hannah Lindqvist", "Recruiter", "hannah@juniperlabs.example", {
    tags: ["recruiter"],
  });

  const hiringProcess = (
    key: ApplicationKey,
    companyKey: CompanyKey,
    fields: {
      jobTitle: string;
      postingUrl: string;
      history: [ApplicationStage, number][];
      rejected?: { daysAgo: number; feedback: string; runnerUpRank: number };
      notes?: string;
    },
  ) => {
    const [first] = fields.history;
    const last = fields.history[fields.history.length - 1];
    if (!first || !last) throw new Error("a sample application needs a stage history");
    rows.applications.push({
      id: application[key],
      userId,
      companyId: company[companyKey],
      jobTitle: fields.jobTitle,
      postingUrl: fields.postingUrl,
      stage: last[0],
      appliedOn: day(first[1]),
      rejectedOn: fields.rejected ? day(fields.rejected.daysAgo) : null,
      wasFinalist: fields.history.some(([stage]) => stage === "final_round"),
      runnerUpRank: fields.rejected?.runnerUpRank ?? null,
      feedback: fields.rejected?.feedback ?? null,
      notes: fields.notes ?? null,
      isSample,
    });
    for (const [stage, daysAgo] of fields.history) {
      rows.stageChanges.push({
        id: newId(),
        userId,
        applicationId: application[key],
        stage,
        changedOn: day(daysAgo),
      });
    }
  };
  hiringProcess("northwind", "northwind", {
    jobTitle: "Senior Product Designer",
    postingUrl: "https://northwind.example/careers/senior-product-designer",
    history: [
      ["applied", 38],
      ["screening", 33],
      ["interviewing", 26],
      ["final_round", 15],
      ["rejected", 4],
    ],
    rejected: {
      daysAgo: 4,
      runnerUpRank: 2,
      feedback:
        "Marcus called: it came down to two finalists and they chose someone who had already run a design system at a larger company. Dana asked him to say the panel loved the route-planning case study and that she would like to stay in touch.",
    },
    notes: "Team of 9 designers across two products. Salary band was a good fit.",
  });
  hiringProcess("kestrel", "kestrel", {
    jobTitle: "Product Designer, Patient Apps",
    postingUrl: "https://kestrelhealth.example/jobs/product-designer-patient-apps",
    history: [
      ["applied", 12],
      ["screening", 8],
      ["interviewing", 3],
    ],
  });
  hiringProcess("juniper", "juniper", {
    jobTitle: "UX Designer",
    postingUrl: "https://juniperlabs.example/careers/ux-designer",
    history: [
      ["applied", 6],
      ["screening", 2],
    ],
  });

  const participant = (
    applicationKey: ApplicationKey,
    contactKey: PersonKey,
    role: ParticipantRole,
    discussed: string,
  ) =>
    rows.participants.push({
      id: newId(),
      userId,
      applicationId: application[applicationKey],
      contactId: person[contactKey],
      role,
      discussed,
    });
  participant(
    "northwind",
    "dana",
    "hiring_manager",
    "Her plan to merge the two dispatcher apps into one; she asked how I would run research with warehouse staff on night shifts, and we talked about my route-planning case study.",
  );
  participant(
    "northwind",
    "marcus",
    "recruiter",
    "Relocation support to Lyon and the two-office-days hybrid policy; he mentioned he joined Northwind from an agency last spring and still coaches a youth football team.",
  );
  participant(
    "northwind",
    "priya",
    "interviewer",
    "Portfolio deep-dive: she pushed on how I measured the onboarding redesign, and we compared notes on making dense data tables work with screen readers.",
  );
  participant(
    "northwind",
    "tomas",
    "interviewer",
    "Design–engineering handoff: his team is moving to a shared component library, and we agreed that paired sessions beat annotated specs.",
  );
  participant(
    "kestrel",
    "elena",
    "recruiter",
    "The patient app rewrite starting next quarter and my healthcare experience; a team of six designers.",
  );
  participant(
    "kestrel",
    "samuel",
    "hiring_manager",
    "Designing appointment booking for older patients; he liked my large-type mode idea.",
  );
  participant(
    "juniper",
    "hannah",
    "recruiter",
    "Remote-first setup and the hiring timeline: two interviews, then a take-home.",
  );

  const interaction = (
    contactKey: PersonKey,
    applicationKey: ApplicationKey | null,
    kind: InteractionKind,
    occurredAt: Date,
    summary: string,
  ) =>
    rows.interactions.push({
      id: newId(),
      userId,
      contactId: person[contactKey],
      applicationId: applicationKey ? application[applicationKey] : null,
      kind,
      occurredAt,
      summary,
      isSample,
    });
  interaction(
    "marcus",
    "northwind",
    "call",
    at(33, 10),
    "Screening call: background, salary range, timeline.",
  );
  interaction(
    "dana",
    "northwind",
    "interview",
    at(26, 14),
    "First interview (video, 45 min): my portfolio and her team's roadmap.",
  );
  interaction(
    "priya",
    "northwind",
    "interview",
    at(21, 11),
    "Portfolio deep-dive on the onboarding redesign and accessible tables.",
  );
  interaction(
    "marcus",
    "northwind",
    "email",
    at(17, 9),
    "Invitation to the final round, with the on-site agenda.",
  );
  interaction(
    "dana",
    "northwind",
    "interview",
    at(15, 10),
    "Final round: presented the route-planning case study to Dana and the panel.",
  );
  interaction(
    "priya",
    "northwind",
    "interview",
    at(15, 13),
    "Final round: live design critique exercise.",
  );
  interaction(
    "tomas",
    "northwind",
    "interview",
    at(15, 15),
    "Final round: collaboration interview about working with engineers.",
  );
  interaction(
    "marcus",
    "northwind",
    "call",
    at(4, 16),
    "The decision: they chose the other finalist; I was their second choice.",
  );
  interaction(
    "dana",
    "northwind",
    "email",
    at(4, 18),
    "Short note from Dana: sorry it was not a yes this time, and she hopes we stay in touch.",
  );
  interaction(
    "elena",
    "kestrel",
    "call",
    at(8, 15),
    "Screening call about the patient app rewrite.",
  );
  interaction(
    "samuel",
    "kestrel",
    "interview",
    at(3, 11),
    "First interview: booking flow for older patients.",
  );
  interaction(
    "hannah",
    "juniper",
    "email",
    at(2, 9),
    "Scheduled the screening call for next week.",
  );

  const latest = latestInteractionByContact(rows.interactions);
  for (const row of rows.contacts) row.lastContactedAt = latest.get(row.id as string) ?? null;

  rows.openings.push({
    id: newId(),
    userId,
    companyId: company.northwind,
    title: "Product Designer, Fleet Tools",
    location: "Lyon or remote (EU)",
    url: "https://northwind.example/careers/product-designer-fleet-tools",
    seenOn: day(1),
    notes:
      "Posted the week after my rejection: same department, one level below. Worth asking Dana whether it fits.",
    isSample,
  });

  return rows;
}
