// One free-text "full name" split into the given and family names that spreadsheets, mail
// merges and address books want. A heuristic for Western-order names: the last word is the
// family name, together with the lower-case particles just before it ("van der Berg", "de la
// Cruz"); a leading honorific ("Dr.", as lib/drafting/names.ts skips it too) and a trailing
// generational suffix ("Jr.", "III") are kept apart. One word is a given name.

const PARTICLES = new Set([
  "al",
  "bin",
  "binti",
  "da",
  "das",
  "de",
  "del",
  "della",
  "der",
  "di",
  "dos",
  "du",
  "el",
  "la",
  "le",
  "st",
  "st.",
  "ten",
  "ter",
  "van",
  "von",
  "y",
]);
const SUFFIXES = /^(jr\.?|sr\.?|ii|iii|iv|v|phd|ph\.d\.|md|m\.d\.)$/i;
const HONORIFICS = /^(dr|mr|mrs|ms|mx|prof|sir|dame)\.?$/i;

export type NameParts = { prefix: string; given: string; family: string; suffix: string };

export function splitFullName(fullName: string): NameParts {
  const words = fullName
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    // "Reyes, Jr." → the comma belongs to the notation, not the name.
    .map((word, index, all) => (index < all.length - 1 ? word.replace(/,$/, "") : word));
  let prefix = "";
  let suffix = "";
  if (words.length > 2 && HONORIFICS.test(words[0]!)) prefix = words.shift()!;
  if (words.length > 2 && SUFFIXES.test(words.at(-1)!)) suffix = words.pop()!;
  if (words.length === 0) return { prefix, given: "", family: "", suffix };
  if (words.length === 1) return { prefix, given: words[0]!, family: "", suffix };
  let start = words.length - 1;
  // Particles join the family name, but the first word always stays the given name.
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start -= 1;
  return {
    prefix,
    given: words.slice(0, start).join(" "),
    family: words.slice(start).join(" "),
    suffix,
  };
}
