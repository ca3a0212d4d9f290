import { Mrkdwn } from './mrkdwn';

const ELLIPSIS = '…';

/**
 * Pieces of rendered mrkdwn that must never be cut: an entity (`&amp;`), a token (`<@U1>`,
 * `<https://…|label>`), a code span, an emoji shortcode, and between them single characters.
 */
const ATOM = /&(?:amp|lt|gt);|<[^<>\n]*>|`[^`\n]+`|:[a-z0-9_+'-]+:|[^&<`:]+|[\s\S]/gu;

let segmenter: Intl.Segmenter | undefined;

/** Made at the first cut that needs it: building a segmenter loads ICU data (about 9 ms at start). */
function graphemes(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));
}

function* atoms(value: string): Generator<string> {
  for (const match of value.matchAll(ATOM)) {
    const atom = match[0];
    // A run of ordinary text may be cut anywhere but inside a character (an emoji, an accent).
    if (atom.length > 1 && !/^[&<`:]/.test(atom)) {
      for (const { segment } of graphemes().segment(atom)) yield segment;
    } else yield atom;
  }
}

/**
 * Mrkdwn cut to at most `max` characters (counted as Slack counts them, on the escaped text), only
 * at a safe place: never inside an entity, a mention, a link, a code span, an emoji or a character.
 * Where a line break lies late enough, the cut is made there. A cut text ends in "…".
 */
export function clipMrkdwn(value: Mrkdwn, max: number): Mrkdwn {
  if (value.length <= max) return value;
  const kept = keep(value.value, max - ELLIPSIS.length);
  const lastBreak = kept.lastIndexOf('\n');
  const cut = lastBreak >= (kept.length * 2) / 3 ? kept.slice(0, lastBreak) : kept;
  return Mrkdwn.mint(`${cut.trimEnd()}${ELLIPSIS}`);
}

function keep(value: string, budget: number): string {
  let out = '';
  for (const atom of atoms(value)) {
    if (out.length + atom.length > budget) break;
    out += atom;
  }
  return out;
}

/** Plain text (a header, a button, an option) cut to `max` characters between characters, with "…". */
export function clipPlain(value: string, max: number): string {
  if (value.length <= max) return value;
  let out = '';
  for (const { segment } of graphemes().segment(value)) {
    if (out.length + segment.length > max - ELLIPSIS.length) break;
    out += segment;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/**
 * As many whole items as fit in `budget` characters, one a line, followed by `more(n)` when `n`
 * items had to be left out, e.g. "_and 49 more: `/kfrelease action`_". Nothing is dropped silently.
 */
export function fitLines(
  items: readonly Mrkdwn[],
  budget: number,
  more: (hidden: number) => Mrkdwn,
  separator = '\n',
  /** How many there are in all, when `items` are only the first of them (more than fit). */
  total = items.length,
): Mrkdwn {
  const all = items.map((i) => i.value).join(separator);
  if (all.length <= budget && total === items.length) return Mrkdwn.mint(all);
  // The line that says how many are left out, with its separator; nothing when none are.
  const tail = (hidden: number) => (hidden > 0 ? `${separator}${more(hidden).value}` : '');
  const shown: string[] = [];
  let used = 0;
  for (let i = 0; i < items.length; i += 1) {
    const item = (items[i] as Mrkdwn).value;
    const cost = (shown.length > 0 ? separator.length : 0) + item.length;
    if (used + cost + tail(total - i - 1).length > budget) break;
    shown.push(item);
    used += cost;
  }
  if (shown.length === 0 && items[0]) {
    const rest = tail(total - 1);
    return Mrkdwn.mint(`${clipMrkdwn(items[0], Math.max(1, budget - rest.length)).value}${rest}`);
  }
  return Mrkdwn.mint(`${shown.join(separator)}${tail(total - shown.length)}`);
}
