// Which contact field each column of an uploaded CSV feeds, guessed from the header names.
// Pure and small: the mapping form (a client component) imports the field list from here.

export const IMPORT_FIELDS = [
  "fullName",
  "firstName",
  "lastName",
  "email",
  "phone",
  "title",
  "company",
  "linkedinUrl",
  "tags",
  "notes",
  "connectedOn",
  "ignore",
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  fullName: "Full name",
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  title: "Title",
  company: "Company",
  linkedinUrl: "LinkedIn URL",
  tags: "Tags",
  notes: "Notes",
  connectedOn: "Connected on",
  ignore: "Ignore",
};

export function isImportField(value: unknown): value is ImportField {
  return typeof value === "string" && (IMPORT_FIELDS as readonly string[]).includes(value);
}

/** "E-Mail Address" → "emailaddress": lower case, accents and punctuation dropped. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

// Exact names first (after normalising), in English, German, French and Spanish, then a few
// patterns for the long names address-book exports use ("E-mail 1 - Value", "Organization 1 -
// Name"). Order matters: "Company Name" is a company and "First Name" a first name, not a name.
const EXACT: Record<string, ImportField> = {};
const exact = (field: ImportField, ...names: string[]) => {
  for (const name of names) EXACT[name] = field;
};
exact(
  "fullName",
  "name",
  "fullname",
  "contact",
  "contactname",
  "displayname",
  "person",
  "vollername",
  "nom",
  "nomcomplet",
  "nombre",
  "nombrecompleto",
);
exact(
  "firstName",
  "firstname",
  "first",
  "givenname",
  "forename",
  "vorname",
  "prenom",
  "nombredepila",
);
exact(
  "lastName",
  "lastname",
  "last",
  "surname",
  "familyname",
  "nachname",
  "familienname",
  "nomdefamille",
  "apellido",
  "apellidos",
);
exact("email", "email", "mail", "emailaddress", "emailadresse", "courriel", "correo");
exact(
  "phone",
  "phone",
  "tel",
  "telephone",
  "telefon",
  "telefonnummer",
  "mobile",
  "mobil",
  "handy",
  "cell",
  "telefono",
);
exact(
  "title",
  "title",
  "jobtitle",
  "position",
  "role",
  "jobrole",
  "job",
  "titel",
  "funktion",
  "berufsbezeichnung",
  "poste",
  "fonction",
  "cargo",
  "puesto",
  "designation",
  "occupation",
);
exact(
  "company",
  "company",
  "companyname",
  "organisation",
  "organization",
  "org",
  "firma",
  "unternehmen",
  "arbeitgeber",
  "employer",
  "entreprise",
  "societe",
  "empresa",
  "account",
  "accountname",
);
exact("linkedinUrl", "url", "profileurl", "profile", "linkedin");
exact(
  "tags",
  "tags",
  "tag",
  "labels",
  "label",
  "groups",
  "group",
  "groupmembership",
  "category",
  "categories",
  "schlagworte",
  "etiketten",
  "etiquettes",
);
exact(
  "notes",
  "notes",
  "note",
  "comments",
  "comment",
  "notizen",
  "notiz",
  "bemerkung",
  "bemerkungen",
  "remarks",
  "description",
);
exact("connectedOn", "connectedon", "connected", "connectiondate", "dateconnected", "verbundenam");

const PATTERNS: [RegExp, ImportField][] = [
  // Look-alikes of fields we store that hold something else ("Phone 1 - Type": "Mobile").
  [
    /(type|label)$|prefix$|suffix$|nickname|middlename|additionalname|phonetic|maiden|yomi/,
    "ignore",
  ],
  [/linkedin/, "linkedinUrl"],
  [/e?mail(address|adresse)?\d*(address|value)?$/, "email"],
  [
    /department|abteilung|location|address|adresse|street|strasse|city|country|zip|postal|postcode|plz|website|homepage|birthday|geburtstag|fax|pager/,
    "ignore",
  ],
  [/phone|mobile|telefon|handy/, "phone"],
  [/(job)?title$|position$|jobrole/, "title"],
  [/company|organi[sz]ation|employer|firma|unternehmen/, "company"],
  [/firstname|givenname|vorname|prenom/, "firstName"],
  [/lastname|surname|familyname|nachname/, "lastName"],
  [/^(full|display|contact|person)name$/, "fullName"],
  [/^notes?\d*$|comment|notiz|bemerkung/, "notes"],
  [/^tags?\d*$|groupmembership|^labels?\d*$|categor/, "tags"],
  [/connected/, "connectedOn"],
];

/** The field a column with this header most likely holds; "ignore" when unsure. */
export function guessField(header: string): ImportField {
  const key = normaliseHeader(header);
  if (!key) return "ignore";
  const known = EXACT[key];
  if (known) return known;
  for (const [pattern, field] of PATTERNS) if (pattern.test(key)) return field;
  return "ignore";
}

// Fields that several columns may feed: their values are combined.
const MULTI = new Set<ImportField>(["tags", "notes", "ignore"]);

/**
 * A field per column, in column order. A single-value field goes to the first column that
 * looks like it ("Email" before "Email 2"); later look-alikes are ignored until the user
 * chooses otherwise. Tags and notes may come from several columns.
 */
export function guessMapping(columns: readonly string[]): ImportField[] {
  const taken = new Set<ImportField>();
  return columns.map((column) => {
    const field = guessField(column);
    if (MULTI.has(field)) return field;
    if (taken.has(field)) return "ignore";
    taken.add(field);
    return field;
  });
}

/** True when some column gives the contact a name. */
export function mapsAName(mapping: readonly ImportField[]): boolean {
  return mapping.some(
    (field) => field === "fullName" || field === "firstName" || field === "lastName",
  );
}

/** The stored shape (jsonb): column index → field. */
export function mappingToRecord(mapping: readonly ImportField[]): Record<string, ImportField> {
  return Object.fromEntries(mapping.map((field, index) => [String(index), field]));
}

/** Back from the stored shape; anything unknown or missing means "ignore". */
export function mappingFromRecord(
  record: Record<string, string> | null | undefined,
  columnCount: number,
): ImportField[] {
  return Array.from({ length: columnCount }, (_, index) => {
    const field = record?.[String(index)];
    return isImportField(field) ? field : "ignore";
  });
}
