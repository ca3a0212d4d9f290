/** A component as a command may name it. */
export interface NamedComponent {
  name: string;
  repo: string;
}

/**
 * The components the first words of a command name, and the words after them: the longest run of
 * words that spells a component's name (any case, spaces between words as one), or a repository
 * (owner/name) for every component built from it. Null when the words start with neither.
 */
export function componentsNamedBy<T extends NamedComponent>(
  components: readonly T[],
  words: readonly string[],
): { matched: T[]; rest: string[] } | null {
  const first = words[0]?.toLowerCase();
  if (first === undefined) return null;
  if (first.includes('/')) {
    const matched = components.filter((c) => c.repo.toLowerCase() === first);
    return matched.length > 0 ? { matched, rest: words.slice(1) } : null;
  }
  for (let length = words.length; length > 0; length--) {
    const name = words.slice(0, length).join(' ').toLowerCase();
    const matched = components.filter((c) => c.name.toLowerCase() === name);
    if (matched.length > 0) return { matched, rest: words.slice(length) };
  }
  return null;
}
