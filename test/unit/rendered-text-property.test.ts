import type { RevisionRow } from '../../src/db/revision-repository';
import { UserError } from '../../src/errors';
import { userErrorBlocks } from '../../src/slack/blocks/error-blocks';
import { actionItemsBlocks } from '../../src/slack/blocks/meeting-blocks';
import { renderNotice } from '../../src/slack/notices/render-notice';
import { md } from '../../src/text/mrkdwn';
import { safeUrl } from '../../src/text/safe-url';
import type { Notice } from '../../src/workflows/notice';
import { seededRandom, type Random } from '../helpers/fuzz-random';

/** Pieces that have broken Slack text before: entities, brackets, tokens, markup, addresses, unicode. */
const PIECES = [
  '&',
  '&amp;',
  '&lt;',
  '&gt;',
  '&#64;',
  '<',
  '>',
  '|',
  '*',
  '_',
  '~',
  '`',
  '```',
  ':alarm_clock:',
  '\n',
  ' ',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0TEAM|@release-team>',
  '<@U0EVIL001>',
  '<#C0EVIL001>',
  '<https://evil.example/phish|Changelog>',
  'https://evil.example/a><!channel><https://evil.example/phish|x',
  'javascript:alert(1)',
  'R&D',
  '<b>',
  'Ünïcödé',
  '👩‍👩‍👧',
  '\u202e',
  'v1.10.0-rc.1',
  'kubeflow/pipelines#12',
];

function randomText(random: Random): string {
  let text = '';
  const parts = random.int(1, 6);
  for (let i = 0; i < parts; i += 1) {
    text += random.chance(0.7) ? random.pick(PIECES) : String.fromCodePoint(random.int(0x20, 0x2fff));
  }
  return text.trim() === '' ? `x${text}` : text;
}

/** IDs and addresses the code itself resolved: the only ones a mention or a link may be made from. */
const RESOLVED_USERS = new Set(['U0ADA0001', 'U0ALAN001']);
const RESOLVED_CHANNELS = new Set(['C0RELEASE']);

function revision(random: Random): RevisionRow {
  return {
    id: 7,
    submissionId: 1,
    releaseId: 1,
    wgId: 1,
    wg: randomText(random),
    repo: randomText(random),
    revision: randomText(random),
    kind: 'tag',
    commitSha: null,
    version: null,
    status: 'denied',
    freeze: true,
    warnings: [],
    review: null,
    validationAttempts: 0,
    nextValidationAt: null,
    lastError: null,
    submittedBy: random.chance(0.5) ? 'U0ALAN001' : `cli:${randomText(random)}`,
    submittedAt: '2026-05-12T10:00:00Z',
    note: randomText(random),
    decidedBy: 'U0ADA0001',
    decidedAt: '2026-05-12T10:00:00Z',
    decisionReason: randomText(random),
  };
}

/** Random messages of several kinds, and the random texts each must show in full. */
function messages(random: Random): { answer: { text: string; blocks: unknown[] }; texts: string[] }[] {
  const out: { answer: { text: string; blocks: unknown[] }; texts: string[] }[] = [];
  const notice = (build: (texts: string[]) => Notice) => {
    const texts: string[] = [];
    out.push({ answer: renderNotice(build(texts)), texts });
  };
  notice((t) => {
    const row = revision(random);
    const by = row.submittedBy.startsWith('cli:') ? [row.submittedBy.slice(4)] : [];
    t.push(row.wg, row.repo, row.revision, row.note, ...by);
    return { kind: 'revision_accepted', version: 'v1.10.0', revision: row };
  });
  notice((t) => {
    const row = revision(random);
    t.push(row.wg, row.repo, row.revision, row.decisionReason ?? '');
    return { kind: 'revision_dm', version: 'v1.10.0', revision: row, event: 'denied' };
  });
  notice((t) => {
    const [summary, reason] = [randomText(random), randomText(random)];
    t.push(summary.trim().slice(1), reason);
    return {
      kind: 'decision',
      version: 'v1.10.0',
      decision: { at: '2026-05-12T10:00:00Z', actor: 'U0ADA0001', action: 'plan.delayed', summary, reason },
    };
  });
  notice((t) => {
    const [distribution, notes, kubernetes] = [randomText(random), randomText(random), randomText(random)];
    t.push(distribution, kubernetes);
    return {
      kind: 'signoff_recorded',
      version: 'v1.10.0',
      current: true,
      signoff: {
        id: 1,
        distribution,
        rcKey: 'rc.1',
        rc: 1,
        rcTag: 'v1.10.0-rc.1',
        result: 'thumbs_up',
        blockingIssues: [],
        kubernetesVersion: kubernetes,
        evidenceUrl: random.chance(0.5) ? randomText(random) : 'https://ci.example.org/run/1',
        notes,
        signedBy: 'U0ALAN001',
        signedAt: '2026-05-12T10:00:00Z',
      },
    };
  });
  notice((t) => {
    const [title, line] = [randomText(random), randomText(random)];
    t.push(title, line);
    return {
      kind: 'agenda',
      agenda: {
        title: 'Agenda',
        summary: 'Agenda of the meeting',
        sections: [
          { title, lines: [{ text: line, people: [{ name: randomText(random), slackId: 'U0ALAN001' }] }] },
        ],
        noteTaker: { name: 'Ada', slackId: 'U0ADA0001' },
        notesUrl: randomText(random),
      },
    };
  });
  notice((t) => {
    const excerpt = randomText(random);
    t.push(excerpt);
    return {
      kind: 'post_failed',
      key: 'revision:1:accepted',
      channel: random.chance(0.5) ? 'C0RELEASE' : randomText(random),
      code: 'channel_not_found',
      error: randomText(random),
      attempts: 6,
      excerpt,
    };
  });
  const item = randomText(random);
  out.push({
    answer: actionItemsBlocks('v1.10.0', [
      {
        id: 1,
        releaseId: 1,
        text: item,
        owner: 'U0ALAN001',
        createdBy: 'U0ALAN001',
        createdAt: '',
        doneBy: null,
        doneAt: null,
      },
    ]),
    texts: [item],
  });
  const refused = randomText(random);
  out.push({
    answer: userErrorBlocks(new UserError('bad_argument', md`"${refused}" is not a date.`)),
    texts: [refused],
  });
  return out;
}

/** Every mrkdwn string of a message: its fallback text and the text of every mrkdwn object. */
function mrkdwnOf(answer: { text: string; blocks: unknown[] }): string[] {
  const found = [answer.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (object.type === 'mrkdwn' && typeof object.text === 'string') found.push(object.text);
    Object.values(object).forEach(walk);
  };
  walk(answer.blocks);
  return found;
}

/**
 * What Slack shows for mrkdwn: each token as its label or name, a raw `>` starting a line as a
 * quote (not a character), then the three entities decoded.
 */
function slackShows(mrkdwn: string): string {
  return mrkdwn
    .replace(/^>/gm, '')
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      const bar = inner.indexOf('|');
      return bar === -1 ? inner : inner.slice(bar + 1);
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Tokens Slack would act on that did not come from a resolved ID or a checked address. */
function forbiddenTokens(mrkdwn: string): string[] {
  return [...mrkdwn.matchAll(/<([^<>]*)>/g)].flatMap(([token, inner = '']) => {
    const target = inner.split('|')[0] ?? '';
    if (target.startsWith('@')) return RESOLVED_USERS.has(target.slice(1)) ? [] : [token];
    if (target.startsWith('#')) return RESOLVED_CHANNELS.has(target.slice(1)) ? [] : [token];
    if (target.startsWith('!')) return [token];
    return safeUrl(target, { allowHttp: true }) === target ? [] : [token];
  });
}

describe('every rendered message, for thousands of random texts', () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261206);
  const runs = Number(process.env.FUZZ_COUNT ?? 1000);

  it(`makes no special mention, mention or link of its own, and shows the texts as given (seed ${seed})`, () => {
    const random = seededRandom(seed);
    let checked = 0;
    for (let run = 0; run < runs; run += 1) {
      for (const { answer, texts } of messages(random)) {
        const all = mrkdwnOf(answer);
        for (const text of all) expect(forbiddenTokens(text)).toEqual([]);
        const shown = all.map(slackShows).join('\n');
        for (const text of texts) {
          // Whitespace may be trimmed or folded where a line starts or a field ends.
          const core = text.trim();
          if (core.length > 0) expect(shown).toContain(core);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(runs * 9);
  });
});
