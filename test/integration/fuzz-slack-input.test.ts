import { ROLES, startWorld, type World } from '../helpers/authorization-world';
import {
  checkBlockAction,
  checkCommand,
  checkMalformed,
  checkViewSubmission,
  type Verdict,
} from '../helpers/fuzz-checks';
import { fuzzForgedRequest, fuzzMalformedRequest } from '../helpers/fuzz-malformed';
import { fuzzBlockAction, fuzzViewSubmission } from '../helpers/fuzz-payloads';
import { fuzzSettings, seededRandom, type Random } from '../helpers/fuzz-random';
import { fuzzCommandText } from '../helpers/fuzz-text';
import { postRaw } from '../helpers/fuzz-http';
import { answerText, SIGNING_SECRET } from '../helpers/start-app';

/**
 * Random and malformed Slack input through signed HTTP to the running app: slash-command texts,
 * modal submissions, button presses and payloads Slack never sends. Every one must be answered
 * (never a 5xx, never a dropped connection), clearly (never the apology meant for our own
 * failures), and a refusal must leave the database as it was. The seed is fixed, so every run (CI's
 * too) sends the same inputs; explore with `FUZZ_SEED=random npx jest fuzz`, repeat a run with
 * `FUZZ_SEED=<seed>`; `FUZZ_COUNT` sets how many inputs.
 */
const { seed, count } = fuzzSettings(process.env, 2000);

/** Admins and the release manager get past the permission checks, so their input reaches the parsers. */
function fuzzUser(r: Random): string {
  const roll = r.next();
  if (roll < 0.3) return ROLES.admin;
  if (roll < 0.45) return ROLES['release manager'];
  if (roll < 0.55) return ROLES['liaison (this WG)'];
  if (roll < 0.7) return r.pick(Object.values(ROLES));
  if (roll < 0.95) return ROLES.stranger;
  return `U0${r.int(100000, 999999)}`;
}

interface Tally {
  sent: Record<string, number>;
  ms: Record<string, number>;
  outcomes: Record<string, number>;
  problems: string[];
}

function record(
  tally: Tally,
  kind: string,
  index: number,
  describe: string,
  verdict: Verdict,
  ms: number,
): void {
  tally.sent[kind] = (tally.sent[kind] ?? 0) + 1;
  tally.ms[kind] = (tally.ms[kind] ?? 0) + ms;
  tally.outcomes[verdict.outcome] = (tally.outcomes[verdict.outcome] ?? 0) + 1;
  if (verdict.problem) tally.problems.push(`#${index} ${kind} ${describe.slice(0, 160)}: ${verdict.problem}`);
}

describe(`fuzzing Slack input through signed HTTP (FUZZ_SEED=${seed} FUZZ_COUNT=${count})`, () => {
  let world: World;

  beforeAll(async () => {
    console.log(`fuzz: FUZZ_SEED=${seed} FUZZ_COUNT=${count} (set both to repeat this run)`);
    world = await startWorld();
  });
  afterAll(async () => {
    await world.stop();
  });

  const alive = async (): Promise<string | null> => {
    const response = await world.app.command('help', ROLES.stranger);
    return response.status === 200 && answerText(response).includes('/kfrelease status')
      ? null
      : `the app stopped answering: HTTP ${response.status}`;
  };

  it('answers every random command, form and button clearly, and a refusal changes nothing', async () => {
    const r = seededRandom(seed);
    const tally: Tally = { sent: {}, ms: {}, outcomes: {}, problems: [] };
    const t0 = Date.now();
    for (let i = 0; i < count; i++) {
      const roll = r.next();
      const user = fuzzUser(r);
      const started = Date.now();
      if (roll < 0.5) {
        const text = fuzzCommandText(r);
        record(
          tally,
          'command',
          i,
          JSON.stringify(text),
          await checkCommand(world, user, text),
          Date.now() - started,
        );
      } else if (roll < 0.85) {
        const openViews = [...world.app.slack.state.views.keys()].slice(-20);
        const input = roll < 0.68 ? fuzzViewSubmission(r, user) : fuzzBlockAction(r, user, openViews);
        const kind = roll < 0.68 ? 'modal submission' : 'button';
        const check = roll < 0.68 ? checkViewSubmission : checkBlockAction;
        const before = input.unknown ? world.snapshot() : '';
        const verdict = await check(world, input);
        const as = input.unknown ? `${kind} with an unknown ID` : kind;
        record(tally, as, i, input.describe, verdict, Date.now() - started);
        if (input.unknown && (verdict.outcome === 'silent' || world.snapshot() !== before))
          tally.problems.push(`#${i} ${as} ${input.describe}: not answered, or the database changed`);
      } else {
        const input = fuzzMalformedRequest(r);
        record(
          tally,
          'malformed payload',
          i,
          input.describe,
          await checkMalformed(world, input),
          Date.now() - started,
        );
      }
      if (i % 250 === 249) {
        const down = await alive();
        if (down) tally.problems.push(`after #${i}: ${down}`);
      }
    }
    console.log('fuzz loop', Date.now() - t0, 'ms');
    const down = await alive();
    if (down) tally.problems.push(down);
    console.log(
      `fuzz: sent ${JSON.stringify(tally.sent)}; ms ${JSON.stringify(tally.ms)}; outcomes ${JSON.stringify(tally.outcomes)}`,
    );
    expect(tally.problems.slice(0, 40)).toEqual([]);
  }, 600_000);

  it('refuses forged, stale, future and oversized requests with a 4xx and changes nothing', async () => {
    const r = seededRandom(seed ^ 0x5eed);
    const problems: string[] = [];
    const statuses: Record<number, number> = {};
    for (let i = 0; i < Math.max(50, Math.round(count / 10)); i++) {
      const input = fuzzForgedRequest(r, SIGNING_SECRET);
      const before = world.snapshot();
      const response = await postRaw(world.app.url, SIGNING_SECRET, input);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (!input.expect.includes(response.status))
        problems.push(`#${i} ${input.describe}: HTTP ${response.status} ${response.error ?? ''}`);
      if (world.snapshot() !== before) problems.push(`#${i} ${input.describe}: the database changed`);
    }
    console.log(`fuzz: forged requests answered ${JSON.stringify(statuses)}`);
    expect(problems).toEqual([]);
    expect(await alive()).toBeNull();
  });
});
