import { SUBCOMMANDS } from '../../src/slack/commands/subcommands';
import type { Random } from './fuzz-random';

/** Words people type, right and nearly right, for every kind of argument the subcommands take. */
const PLAUSIBLE = {
  versions: [
    'v1.10.0',
    'v1.11.0',
    '1.10',
    '26.03',
    'v1.10.1',
    'v1.10.0-rc.1',
    'v0.0.0',
    'V1.10.0',
    'v01.10.0',
  ],
  dates: ['2026-05-18', '2026-05-22', '2026-02-30', '2026-13-01', '9999-12-31', '0000-01-01', '2026-5-1'],
  groups: ['Notebooks', 'Pipelines', 'notebooks', 'Training', 'AutoML', 'KServe', 'Manifests', 'Nope'],
  numbers: ['1', '2', '0', '-1', '#3', '99999999999999999999', '1e3', 'NaN', '0x10', '3.5'],
  refs: [
    'kubeflow/kubeflow#1',
    'kubeflow/pipelines#0',
    'a/b#-1',
    'https://github.com/kubeflow/kubeflow/issues/12',
    '#12',
    'kubeflow/manifests',
  ],
  items: ['schedule-sent', 'wg-docs-updated', 'distribution-thumbs-up', 'team-selected', 'nope'],
  verbs: ['at-risk', 'punt', 'blocking', 'done', 'needed', 'in_progress', 'not_needed', 'setup', 'sync'],
  more: ['preview', 'add', 'show', 'swap', 'set', 'released', 'create', 'plan', 'advance', 'bug', 'docs'],
  people: ['<@U0ALAN001>', '<@U0ADA0001|ada>', '@alan', '<@>', '<!channel>', 'U0ALAN001', '<@W0000000>'],
  settings: ['--share', 'share', '--release', 'offsets=7d,2d', 'at=10:00', 'quiet=19:00-08:30', 'x=', '='],
  meeting: ['tue', '16:00', '25:99', 'Europe/Berlin', 'Mars/Olympus', 'UTC', 'handbook-17w', '#kf-release'],
  other: ['24h', 'https://bit.ly/x', 'rc.1', 'release', 'rc.9', 'release_branch', 'security'],
};

/** Text that has broken parsers before: direction marks, emoji, invisible and control characters. */
const NASTY = [
  '\u202Ev1.10.0',
  '\u200Fstatus',
  'مرحبا',
  'שלום',
  '🚀',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  'v1.10\u200B.0',
  '\uFEFFstatus',
  '\u200D',
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\u001b[31mred',
  '\uD800',
  '\uDFFF\uD800',
  'e\u0301',
  'ｓｔａｔｕｓ',
  "'; DROP TABLE releases; --",
  '" OR 1=1 --',
  '%s%s%n',
  '${process.env}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '*bold*',
  '`code`',
  '../../etc/passwd',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '\\',
  '"',
  "'",
  '__proto__',
  'constructor',
  'toString',
];

const SPACES = [' ', ' ', ' ', '  ', '\t', '\n', '\u00A0', '\u3000', '\u2028'];
const PLAUSIBLE_WORDS = Object.values(PLAUSIBLE).flat();
const NAMES = SUBCOMMANDS.map((s) => s.name);
const TYPOS = ['stauts', 'releas create', 'phase advanc', 'HELP', 'Status', 'blocker', 'patch  add', 'x', ''];

/** One word: plausible most of the time, otherwise strange, occasionally long. */
export function fuzzWord(r: Random): string {
  const roll = r.next();
  if (roll < 0.6) return r.pick(PLAUSIBLE_WORDS);
  if (roll < 0.9) return r.pick(NASTY);
  if (roll < 0.97) return r.pick(NASTY) + r.pick(PLAUSIBLE_WORDS) + r.pick(NASTY);
  return r.pick(['x', '🚀', 'ab\u200B', 'v1.']).repeat(r.int(50, 400));
}

/** A string for a form field or a button value: often empty, plausible or strange, sometimes huge. */
export function fuzzString(r: Random): string {
  const roll = r.next();
  if (roll < 0.1) return '';
  if (roll < 0.75) return Array.from({ length: r.int(1, 4) }, () => fuzzWord(r)).join(r.pick(SPACES));
  if (roll < 0.9) return r.pick(NASTY);
  return r
    .pick(['x', 'é', '\u0000', '🚀', 'kubeflow/kubeflow#1\n'])
    .repeat(r.int(200, r.chance(0.2) ? 20_000 : 4000));
}

function join(r: Random, words: string[]): string {
  return words.reduce((text, word, i) => (i === 0 ? word : `${text}${r.pick(SPACES)}${word}`), '');
}

/**
 * `/kfrelease` text: a real subcommand (or a near miss) with a random number of random arguments;
 * sometimes only noise, sometimes empty, sometimes longer than Slack would ever send.
 */
export function fuzzCommandText(r: Random): string {
  const roll = r.next();
  if (roll < 0.03) return '';
  if (roll < 0.06) return r.pick(['x', 'help ', '🚀', 'status\u0000']).repeat(r.int(300, 3000));
  if (roll < 0.12)
    return join(
      r,
      Array.from({ length: r.int(1, 6) }, () => fuzzWord(r)),
    );
  const name = r.chance(0.9) ? r.pick(NAMES) : r.pick(TYPOS);
  const args = Array.from({ length: r.int(0, 6) }, () => fuzzWord(r));
  const text = join(r, [...name.split(' '), ...args]);
  return r.chance(0.1) ? `${r.pick(SPACES)}${text}${r.pick(SPACES)}` : text;
}
