/** Where lines go: process.stdout, or anything with the same `write`. */
export interface LineSink {
  write(text: string): unknown;
}

/**
 * A log destination that holds lines back until `release(first)`, which writes `first` and then
 * what was held: the sandbox's address is only known once it listens, and it must be the first
 * line a person sees.
 */
export function heldOutput(target: LineSink) {
  let held: string[] | null = [];
  return {
    write(line: string): void {
      if (held) held.push(line);
      else target.write(line);
    },
    release(first: string): void {
      target.write(`${first}\n`);
      for (const line of held ?? []) target.write(line);
      held = null;
    },
  };
}
