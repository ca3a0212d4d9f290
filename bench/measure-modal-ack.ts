import type { GitHubStandIn } from '../src/sandbox/github-stand-in';
import { fakeSha } from '../src/sandbox/github-stand-in-model';
import {
  NOTE_BLOCK,
  repoBlockId,
  REVISION_ACTION,
  SUBMIT_REVISION_VIEW,
} from '../src/slack/blocks/submit-revision-view';
import type { DelayingProxy } from './delaying-proxy';
import { post } from './load-generator';
import type { SeededLiaison } from './seed-database';
import { signedViewSubmission } from './signed-view-submission';
import { summarizeLatencies, type LatencySummary } from './summarize-latencies';

/** How the result view words each saved revision (submissionResultView). */
const REVISION_OUTCOMES = {
  accepted: ':white_check_mark: accepted',
  held: ':raised_hand: held for the release manager',
  pending: ':hourglass: saved, pending validation',
} as const;

export interface ModalCaseSettings {
  github: 'fast' | 'slow';
  /** How long GitHub takes to answer each call. */
  githubDelayMs: number;
  /** Submissions in flight at once. */
  concurrency: number;
}

export interface ModalCaseFigures extends ModalCaseSettings, LatencySummary {
  /** Submissions sent (each one's whole HTTP exchange is timed). */
  submissions: number;
  /** Answers other than 200, and requests that failed. */
  errors: number;
  /** How the app answered: `update` (saved, result view), `errors` (a field refused), `http_<status>`... */
  answers: Record<string, number>;
  /** What the result views said about each revision: accepted, held, pending. */
  revisions: Record<string, number>;
  /** The first few refusals the app answered with, to see why. */
  refusals: string[];
  /** GitHub calls that arrived during the case (checks of earlier cases still running included). */
  githubCalls: number;
}

/**
 * Fills the GitHub stand-in for the liaison's repositories: from the revision last accepted in
 * the freeze (so comparisons work as they do on GitHub) a line of commits, each new tag a bug fix
 * (a pull request labelled kind/bug) and a release commit with an annotated tag and a published
 * GitHub release with a changelog: what the freeze rules accept.
 */
export function seedRevisionGitHub(
  github: GitHubStandIn,
  repos: { repo: string; previousSha: string | null }[],
  tags: string[],
): void {
  for (const { repo, previousSha } of repos) {
    github.addRepo(repo, { defaultBranch: 'main' });
    let head = previousSha ?? fakeSha(`${repo}:root`);
    github.addCommit(repo, head, [], { message: 'The revision accepted last' });
    tags.forEach((tag, k) => {
      const fix = fakeSha(`${repo}:${tag}:fix`);
      github.addCommit(repo, fix, [head], { message: `Fix a crash before ${tag}` });
      github.addPullRequest(repo, 5000 + k, {
        title: `Fix a crash before ${tag}`,
        labels: ['kind/bug'],
        commits: [fix],
      });
      const release = fakeSha(`${repo}:${tag}`);
      github.addCommit(repo, release, [fix], { message: `Release ${tag}` });
      github.addTag(repo, tag, release, { annotated: true, message: `Release ${tag}` });
      github.addRelease(repo, {
        tag,
        name: tag,
        prerelease: true,
        body: `## What's changed\n\n- Fix a crash before ${tag}`,
      });
      head = release;
    });
    github.addBranch(repo, 'main', head);
  }
}

/**
 * Times signed `view_submission`s of the revision form (both repositories of the liaison's working
 * group, a new tag each time) from the first byte sent to the whole answer received, for each case:
 * GitHub answering at once or after `githubDelayMs`, one submission at a time or several at once.
 * Slack closes the modal with an error when the answer takes more than 3 s.
 */
export async function measureModalAck(params: {
  eventsUrl: string;
  signingSecret: string;
  liaison: SeededLiaison;
  version: string;
  proxy: DelayingProxy;
  cases: ModalCaseSettings[];
  submissionsPerCase: number;
  /** Unmeasured submissions first, with the first case's GitHub. */
  warmup: number;
  nextTag: () => string;
  log: (line: string) => void;
}): Promise<ModalCaseFigures[]> {
  const { liaison } = params;
  const submit = () => {
    const tag = params.nextTag();
    const values: Record<string, Record<string, string>> = Object.fromEntries(
      liaison.repos.map((_, i) => [repoBlockId(i), { [REVISION_ACTION]: tag }]),
    );
    values[NOTE_BLOCK] = { note: '' };
    const signed = signedViewSubmission(params.signingSecret, {
      userId: liaison.userId,
      callbackId: SUBMIT_REVISION_VIEW,
      privateMetadata: JSON.stringify({ release: params.version, wg: liaison.wg, repos: liaison.repos }),
      values,
    });
    return post(params.eventsUrl, signed, { agent: false, keepBody: true });
  };

  params.proxy.delayMs = params.cases[0]?.githubDelayMs ?? 0;
  for (let i = 0; i < params.warmup; i++) await submit();

  const figures: ModalCaseFigures[] = [];
  for (const settings of params.cases) {
    params.proxy.delayMs = settings.githubDelayMs;
    const callsBefore = params.proxy.received;
    const latencies: number[] = [];
    const answers: Record<string, number> = {};
    const revisions: Record<string, number> = {};
    const refusals: string[] = [];
    let errors = 0;
    const count = (into: Record<string, number>, key: string, n = 1) => (into[key] = (into[key] ?? 0) + n);
    let next = 0;
    const worker = async () => {
      while (next < params.submissionsPerCase) {
        next += 1;
        try {
          const answer = await submit();
          latencies.push(answer.ms);
          if (answer.status !== 200) {
            errors += 1;
            count(answers, `http_${answer.status}`);
            continue;
          }
          const body = JSON.parse(answer.text || '{}') as { response_action?: string; errors?: object };
          count(answers, body.response_action ?? 'ack');
          if (body.errors && refusals.length < 3) refusals.push(JSON.stringify(body.errors).slice(0, 300));
          for (const [outcome, text] of Object.entries(REVISION_OUTCOMES))
            count(revisions, outcome, answer.text.split(text).length - 1);
        } catch (error) {
          errors += 1;
          count(answers, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
        }
      }
    };
    await Promise.all(Array.from({ length: settings.concurrency }, worker));
    const summary = summarizeLatencies(latencies);
    figures.push({
      ...settings,
      ...summary,
      submissions: params.submissionsPerCase,
      errors,
      answers,
      revisions: Object.fromEntries(Object.entries(revisions).filter(([, n]) => n > 0)),
      refusals,
      githubCalls: params.proxy.received - callsBefore,
    });
    params.log(
      `  GitHub ${settings.github} (${settings.githubDelayMs} ms), ${settings.concurrency} at once: ` +
        `p50 ${summary.p50.toFixed(0)} ms, p99 ${summary.p99.toFixed(0)} ms, max ${summary.max.toFixed(0)} ms, ` +
        `answers ${JSON.stringify(answers)}, revisions ${JSON.stringify(revisions)}`,
    );
  }
  return figures;
}
