const honorifics = new Set(["dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame"]);

/** "Dr. Dana Reyes" → "Dana"; a single name stays as it is. */
export function firstName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const first = words.find((word) => !honorifics.has(word.replace(/\.$/, "").toLowerCase()));
  return first ?? words[0] ?? "";
}

/**
 * Turns a discussion note into a phrase that reads well after "our conversation about", in a
 * note addressed to that person: "We talked about her plan to merge the apps; she asked…"
 * → "your plan to merge the apps". Only the first clause is kept: notes are short.
 */
export function topicPhrase(discussed: string | null | undefined): string | null {
  if (!discussed) return null;
  let topic = discussed.replace(/\s+/g, " ").trim();
  topic = topic.split(/[;!?]\s|\.\s|\s[-–—]\s/)[0] ?? "";
  topic = topic.replace(
    /^(we\s+|i\s+)?(talked|spoke|chatted|discussed|went over|dug into|covered)(\s+about)?\s+/i,
    "",
  );
  topic = topic.replace(/^(discussion|conversation|chat|talk)\s+(about|on|of)\s+/i, "");
  topic = topic.replace(/^about\s+/i, "");
  topic = topic.replace(/[.!;:,\s]+$/, "");
  if (!topic) return null;
  // The note speaks to this person: "her plan" / "his team" / "their roadmap" → "your …".
  topic = topic.replace(/^(her|his|their)\s+/i, "your ");
  // Lower-case an ordinary first word ("The roadmap" → "the roadmap"), never a name or acronym.
  if (/^(The|Their|Our|His|Her|How|What|Why|When|Where|A|An|My|Your|Its)\b/.test(topic)) {
    topic = topic[0]!.toLowerCase() + topic.slice(1);
  }
  if (topic.length > 90) {
    const cut = topic.slice(0, 90);
    const clause = cut.lastIndexOf(", ");
    topic = (clause > 30 ? cut.slice(0, clause) : cut.slice(0, Math.max(cut.lastIndexOf(" "), 40)))
      .replace(/\s+(and|or|but|with|to|of|the|a|an|for|on|in|at)$/i, "")
      .replace(/[,;:\s]+$/, "");
  }
  return topic;
}
