/**
 * Every fake Slack and GitHub a test starts is watched: a call it did not declare (Slack's
 * `expect()`) or has no route for (GitHub) fails the test it happened in, from `afterEach` in
 * test/helpers/fail-on-unexpected-calls.ts. A test that means to make such calls opts out when it
 * starts the fake, naming why (`unexpectedCallsAllowed: 'why'`).
 */
export interface WatchedFake {
  /** `Slack` or `GitHub`, for the message. */
  kind: string;
  /** The calls it did not expect so far; the same objects every time. */
  unexpected(): readonly object[];
  /** How one call reads in the message. */
  describe(call: object): string;
}

interface Watch extends WatchedFake {
  reported: WeakSet<object>;
}

const KEY = Symbol.for('kfrelease.test.strictFakes');
const holder = globalThis as typeof globalThis & { [KEY]?: Watch[] };
const watched = (): Watch[] => (holder[KEY] ??= []);

/** Refuses an opt-out that does not say why; called before the fake starts. */
export function checkOptOut(allowedBecause: string | undefined): void {
  if (allowedBecause !== undefined && allowedBecause.trim() === '')
    throw new Error(
      'unexpectedCallsAllowed needs a reason: say why this test makes calls it does not declare',
    );
}

/** Fails later tests on this fake's unexpected calls, unless `allowedBecause` names why they are fine. */
export function watchUnexpectedCalls<T extends object>(
  fake: T,
  watch: WatchedFake,
  allowedBecause: string | undefined,
): T {
  if (allowedBecause === undefined) watched().push({ ...watch, reported: new WeakSet() });
  return fake;
}

/** The unexpected calls made since the last look, as lines; each is reported once. */
export function takeUnexpectedCalls(): string[] {
  const lines: string[] = [];
  for (const watch of watched()) {
    for (const call of watch.unexpected()) {
      if (watch.reported.has(call)) continue;
      watch.reported.add(call);
      lines.push(`${watch.kind}: ${watch.describe(call)}`);
    }
  }
  return lines;
}
