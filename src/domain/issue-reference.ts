import { readWholeNumber } from '../text/numbers';

/** An issue or pull request: the same shape as the GitHub client's IssueRef. */
export interface IssueReference {
  owner: string;
  repo: string;
  number: number;
}

/** At most this many references in one submission: one GitHub query answers them all. */
export const MAX_REFERENCES = 50;

/** GitHub's rules: owners are letters, digits and single dashes; repositories add `.` and `_`. */
const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}';
const REPO = '[A-Za-z0-9._-]{1,100}';
const SHORT = new RegExp(`^(${OWNER})/(${REPO})#(\\d+)$`);
const URL = new RegExp(
  `^(?:https?://)?(?:www\\.)?github\\.com/(${OWNER})/(${REPO})/(issues|pull)/(\\d+)(?:[/?#].*)?$`,
  'i',
);
const GITHUB_URL = /^(?:https?:\/\/)?(?:www\.)?github\.com\//i;

export type ReferenceParse = { ok: true; ref: IssueReference } | { ok: false; problem: string };

/** One line as read: the reference it names, or why it names none. */
export type ReferenceLine =
  { line: number; text: string; ref: IssueReference } | { line: number; text: string; problem: string };

/** Slack wraps links it recognises as `<url>` or `<url|label>`; people paste bullets. */
function unwrap(text: string): string {
  const trimmed = text.trim().replace(/^(?:[-*•]\s+)/, '');
  const link = /^<([^|>]+)(?:\|[^>]*)?>$/.exec(trimmed);
  return (link?.[1] ?? trimmed).trim();
}

function checkNumber(owner: string, repo: string, digits: string): ReferenceParse {
  // GitHub's own numbers stop at 2^31 - 1; nine digits is the bound for every number typed.
  const number = readWholeNumber(digits, 'an issue number', { min: 1 });
  if (!number.ok && number.reason === 'too_small')
    return { ok: false, problem: `${digits} is not an issue number: they start at 1.` };
  if (!number.ok) return { ok: false, problem: number.problem };
  if (repo === '.' || repo === '..') return { ok: false, problem: `"${repo}" is not a repository name.` };
  return { ok: true, ref: { owner, repo: repo.replace(/\.git$/i, ''), number: number.value } };
}

/**
 * Reads one issue or pull request reference as people write it: `owner/repo#123`, or its GitHub
 * URL (`https://github.com/owner/repo/issues/123`, `.../pull/123`, with or without anything after
 * the number). A reference that cannot be read comes back with what is wrong and how to write it.
 */
export function parseIssueReference(raw: string): ReferenceParse {
  const text = unwrap(raw);
  const short = SHORT.exec(text);
  if (short) return checkNumber(short[1] ?? '', short[2] ?? '', short[3] ?? '');
  const url = URL.exec(text);
  if (url) return checkNumber(url[1] ?? '', url[2] ?? '', url[4] ?? '');
  if (GITHUB_URL.test(text)) {
    return {
      ok: false,
      problem:
        'this GitHub link is not an issue or pull request: paste a link ending in /issues/N or /pull/N.',
    };
  }
  if (/^https?:\/\//i.test(text)) return { ok: false, problem: 'not a github.com link.' };
  if (/^#?\d+$/.test(text)) {
    return { ok: false, problem: `say which repository, e.g. kubeflow/pipelines#${text.replace('#', '')}.` };
  }
  const badName = /^([^\s#]+)#\d+$/.exec(text);
  if (badName) return { ok: false, problem: `"${badName[1]}" is not a GitHub owner/repository name.` };
  const spaced = /^([^\s/#]+)\/([^\s/#]+)(?:\s+#?|#\s+)\s*(\d+)$/.exec(text);
  if (spaced) {
    return { ok: false, problem: `write it as ${spaced[1]}/${spaced[2]}#${spaced[3]}, without spaces.` };
  }
  return {
    ok: false,
    problem: 'not an issue or pull request: write owner/repo#123 or paste its GitHub link.',
  };
}

/**
 * Reads a text with one reference per line. Blank lines are skipped; a reference given twice is
 * kept once. Every line's problem is reported, not just the first.
 */
export function parseIssueReferences(text: string): ReferenceLine[] {
  const seen = new Set<string>();
  const lines: ReferenceLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const parsed = parseIssueReference(trimmed);
    if (!parsed.ok) {
      lines.push({ line: index + 1, text: trimmed, problem: parsed.problem });
      return;
    }
    const key = referenceKey(parsed.ref);
    if (seen.has(key)) return;
    seen.add(key);
    lines.push({ line: index + 1, text: trimmed, ref: parsed.ref });
  });
  return lines;
}

/** The case-insensitive identity of a reference: GitHub ignores case in owner and repository names. */
export function referenceKey(ref: IssueReference): string {
  return `${ref.owner}/${ref.repo}#${ref.number}`.toLowerCase();
}
