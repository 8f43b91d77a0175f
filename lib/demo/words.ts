import type { InteractionKind, ParticipantRole } from "@/lib/db/schema";

// Vocabulary for generated accounts. Names are drawn from many languages so lists, sorting and
// search get realistic variety (accents, apostrophes, short and long names).

// biome-ignore format: a word list reads better packed
export const FIRST_NAMES = [
  "Aaliyah", "Abdul", "Adaeze", "Aiko", "Alejandro", "Amara", "Amelia", "Ananya", "Andrés",
  "Anika", "Arjun", "Astrid", "Ayesha", "Beatriz", "Benjamin", "Bjørn", "Camille", "Chen",
  "Chiara", "Chloé", "Daniel", "Dmitri", "Efua", "Elif", "Emeka", "Emma", "Farah", "Felipe",
  "Fatima", "Freya", "Gabriel", "Grace", "Hamza", "Hana", "Hiroshi", "Ibrahim", "Ingrid",
  "Isabela", "Jamal", "Jana", "Javier", "Jin", "Joanna", "Jonas", "Kavya", "Kenji", "Kofi",
  "Lars", "Laura", "Leila", "Liam", "Lucía", "Mai", "Malik", "Marek", "Maria", "Mateo",
  "Mei", "Mohammed", "Nadia", "Naledi", "Nikhil", "Noah", "Nour", "Olga", "Olivia", "Omar",
  "Paulo", "Pedro", "Rahul", "Rania", "Rosa", "Ruth", "Saanvi", "Samir", "Sara", "Sebastián",
  "Siobhán", "Sofia", "Soo-ah", "Tariq", "Thandiwe", "Theo", "Uma", "Valentina", "Wei",
  "Yara", "Yusuf", "Zainab", "Zoe",
] as const;

// biome-ignore format: a word list reads better packed
export const LAST_NAMES = [
  "Abara", "Adeyemi", "Ahmed", "Alvarez", "Andersen", "Bauer", "Bianchi", "Brennan", "Castillo",
  "Chatterjee", "Chen", "Costa", "Dalton", "de Vries", "Delacroix", "Dubois", "Eriksson",
  "Fernández", "Fischer", "Gallagher", "García", "Gupta", "Haddad", "Hansen", "Hernández",
  "Hoffmann", "Ivanova", "Jansen", "Johansson", "Kaur", "Kim", "Kowalski", "Kumar", "Laine",
  "Larsen", "Le", "Lindqvist", "Lopez", "Mahlangu", "Martin", "Mensah", "Mora", "Müller",
  "Nakamura", "Nguyen", "Novak", "O'Brien", "Okafor", "Okonkwo", "Olsen", "Osei", "Park",
  "Patel", "Pereira", "Petrov", "Popescu", "Quispe", "Rahman", "Ramírez", "Reyes", "Rossi",
  "Russo", "Sato", "Schmidt", "Shah", "Silva", "Singh", "Sokolova", "Suzuki", "Takahashi",
  "Tanaka", "Torres", "Tran", "Van der Berg", "Vargas", "Wagner", "Wang", "Watanabe", "Weber",
  "Williams", "Wójcik", "Yamamoto", "Yilmaz", "Zhang", "Zulu",
] as const;

// biome-ignore format: a word list reads better packed
// Not the names of the hand-written sample companies, so a seeded account has no duplicates.
export const COMPANY_PREFIXES = [
  "Acorn", "Amber", "Arbor", "Aster", "Atlas", "Basalt", "Beacon", "Birch", "Bluefin",
  "Bramble", "Brightwater", "Canopy", "Cedar", "Cinder", "Clearwater", "Cobalt", "Copper",
  "Cormorant", "Crescent", "Driftwood", "Ember", "Fernhill", "Fjord", "Foxglove", "Granite",
  "Harbor", "Hazel", "Heron", "Indigo", "Ironwood", "Lantern", "Larkspur",
  "Linden", "Lumen", "Maple", "Meridian", "Mistral", "Oakridge", "Orchid", "Osprey",
  "Pebble", "Pinecone", "Quarry", "Quill", "Redwood", "Riverbend", "Saffron", "Sable", "Sequoia",
  "Silverline", "Sparrow", "Summit", "Tamarack", "Thistle", "Tidewater", "Willow",
] as const;

// biome-ignore format: a word list reads better packed
export const COMPANY_SUFFIXES = [
  "Analytics", "Bank", "Biotech", "Cloud", "Collective", "Energy", "Foods", "Games", "Health",
  "Insurance", "Labs", "Logistics", "Media", "Mobility", "Outfitters", "Robotics", "Software",
  "Studio", "Systems", "Travel",
] as const;

export const COMPANY_NOTES = [
  "Mission I care about; team seemed kind.",
  "Fast-growing; just raised a Series B.",
  "Hybrid, two office days a week.",
  "Fully remote across Europe.",
  "Great engineering blog; strong design culture.",
  "Big company, slow process, good benefits.",
  "Former colleague works here.",
] as const;

// biome-ignore format: a word list reads better packed
export const JOB_TITLES = [
  "Product Designer", "Senior Product Designer", "UX Researcher", "Frontend Engineer",
  "Senior Software Engineer", "Staff Engineer", "Data Analyst", "Data Scientist",
  "Product Manager", "Senior Product Manager", "Engineering Manager", "Content Designer",
  "DevOps Engineer", "QA Engineer", "Customer Success Manager", "Marketing Manager",
  "Technical Writer", "Solutions Architect", "Mobile Engineer", "Design Lead",
] as const;

// biome-ignore format: a word list reads better packed
export const ROLE_TITLES: Record<ParticipantRole, readonly string[]> = {
  hiring_manager: [
    "Director of Product Design", "Head of Engineering", "Engineering Manager",
    "VP of Product", "Design Manager", "Head of Data", "Group Product Manager",
  ],
  recruiter: [
    "Technical Recruiter", "Senior Recruiter", "Talent Partner", "Talent Acquisition Lead",
    "Recruiting Coordinator", "Agency Recruiter",
  ],
  interviewer: [
    "Senior Software Engineer", "Staff Product Designer", "Product Manager", "Data Scientist",
    "Principal Engineer", "UX Researcher", "Tech Lead", "Frontend Engineer",
  ],
  panel: ["Chief Technology Officer", "Head of People", "Customer Success Lead", "CFO", "COO"],
  referrer: ["Former colleague", "Product Designer", "Software Engineer", "Account Executive"],
  other: ["Office Manager", "Executive Assistant", "Team Lead"],
};

export const ROLE_WEIGHTS: readonly (readonly [ParticipantRole, number])[] = [
  ["interviewer", 45],
  ["recruiter", 20],
  ["hiring_manager", 15],
  ["panel", 12],
  ["referrer", 4],
  ["other", 4],
];

export const DISCUSSED_OPENERS = [
  "Their migration to a new design system",
  "How the team measures success in the first 90 days",
  "The roadmap for the mobile app",
  "My take-home exercise and the trade-offs I made",
  "Remote collaboration across time zones",
  "How they run user research with customers",
  "The on-call rotation and incident reviews",
  "Hiring plans for next year",
  "A bug in my portfolio project they had also hit",
  "Mentoring juniors and pairing",
  "Moving from a monolith to services",
  "Accessibility audits before each release",
] as const;

export const DISCUSSED_DETAILS = [
  "we both trained for a marathon last spring",
  "they grew up near where I studied",
  "they recommended a book on team topologies",
  "we share a love of hand-drawn wireframes",
  "they asked great questions about my last project",
  "they are moving to the Lisbon office next year",
  "they were candid about what is hard there",
  "we laughed about a failed demo",
  "they invited me to their meetup",
  "their dog interrupted the video call",
] as const;

// biome-ignore format: a word list reads better packed
export const TAGS = [
  "design", "engineering", "recruiting", "leadership", "referral", "alumni", "remote",
  "fintech", "health", "climate", "meetup", "mentor", "agency", "former colleague", "data",
] as const;

export const CONTACT_NOTES = [
  "Prefers email over LinkedIn.",
  "Met again at a meetup afterwards.",
  "Mentioned a possible opening next quarter.",
  "Very responsive; replies within a day.",
  "Moved teams recently.",
] as const;

export const INTERACTION_SUMMARIES: Record<InteractionKind, readonly string[]> = {
  interview: [
    "Technical interview, went well.",
    "Portfolio review.",
    "Behavioural interview, lots of questions about conflict.",
    "Final round on-site.",
    "System design interview.",
  ],
  call: ["Screening call.", "Quick call about next steps.", "Call about salary expectations."],
  email: [
    "Scheduling email.",
    "Sent my portfolio link.",
    "They shared the interview agenda.",
    "Followed up after the interview.",
  ],
  note_sent: ["Sent a thank-you note."],
  reply_received: ["Warm reply to my note.", "Replied and suggested a coffee."],
  coffee: ["Coffee near their office.", "Virtual coffee chat."],
  linkedin_message: ["Connected on LinkedIn.", "Congratulated them on their new role."],
  meeting: ["Met at a conference.", "Lunch with their team."],
  other: ["Ran into them at an event."],
};

export const FEEDBACK = [
  "Strong candidate; the other finalist had more domain experience.",
  "They went with an internal candidate.",
  "Great interviews; they chose someone who could start sooner.",
  "Close call between two finalists.",
  "Position was put on hold after the final round.",
] as const;
