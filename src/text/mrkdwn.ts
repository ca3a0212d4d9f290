import { formatCount } from './numbers';
import { safeUrl } from './safe-url';

/**
 * Slack mrkdwn that is safe to send. Only this module makes one, and it escapes every piece of
 * text that came from a person, GitHub or a config file exactly once on the way in: `&`, `<` and
 * `>` become entities, so nothing typed can become a mention, a link or a special token. Mentions,
 * channels, links and dates are made only by the helpers below, from checked IDs and URLs.
 */
export class Mrkdwn {
  /** The mrkdwn as Slack reads it. */
  readonly value: string;

  private constructor(value: string, key: symbol) {
    if (key !== MINT) throw new TypeError('Mrkdwn is made by md`...` and its helpers only');
    this.value = value;
  }

  /** @internal the one way in for the helpers of src/text. */
  static mint(value: string): Mrkdwn {
    return new Mrkdwn(value, MINT);
  }

  get length(): number {
    return this.value.length;
  }

  /**
   * Refused: turning mrkdwn into a plain string (`${m}` in an ordinary template, `[a, b].join()`)
   * and passing it on would have it escaped a second time. Use md`…`, join() or lines(), or `.value`
   * where Slack takes the text.
   */
  toString(): string {
    throw new TypeError('Mrkdwn used as a plain string: use md`…`, join() or lines(), or .value');
  }

  toJSON(): string {
    return this.value;
  }
}

const MINT = Symbol('mrkdwn');
const mint = (value: string): Mrkdwn => Mrkdwn.mint(value);

/** What may go into an `md` template: text to escape, a number, or mrkdwn made here. */
export type MdValue = string | number | Mrkdwn | null | undefined;

/** Escapes the three characters Slack reads as control characters, and nothing else. */
export function escapeSlackText(text: string): string {
  // Most text has none of them: one test instead of three replacements.
  if (!SLACK_CONTROL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const SLACK_CONTROL = /[&<>]/;

/** The text Slack shows for escaped mrkdwn text: its three entities decoded, once. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

function piece(value: MdValue): string {
  if (value instanceof Mrkdwn) return value.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatCount(value);
  return escapeSlackText(value);
}

/**
 * Builds mrkdwn. The template's own text may use mrkdwn formatting (`*bold*`, `` `code` ``,
 * `:emoji:`), but its `<`, `>` and `&` are escaped too, so a mention or link can only come from a
 * helper. Interpolated strings and numbers are escaped; interpolated Mrkdwn is kept as it is.
 */
export function md(strings: TemplateStringsArray, ...values: MdValue[]): Mrkdwn {
  const parts = escapedParts(strings);
  let out = parts[0] ?? '';
  for (let i = 0; i < values.length; i += 1) {
    out += piece(values[i]) + (parts[i + 1] ?? '');
  }
  return mint(out);
}

// A template's own text is the same array on every call from one place in the code: it is
// escaped once.
const templates = new WeakMap<TemplateStringsArray, string[]>();

function escapedParts(strings: TemplateStringsArray): string[] {
  let parts = templates.get(strings);
  if (!parts) templates.set(strings, (parts = strings.map(escapeSlackText)));
  return parts;
}

/** Text from anywhere, escaped, as mrkdwn. */
export function text(value: MdValue): Mrkdwn {
  return value instanceof Mrkdwn ? value : mint(piece(value));
}

export const EMPTY: Mrkdwn = mint('');

/**
 * Inline code. Text with a backtick or a line break cannot sit in a code span without breaking
 * it, so it is shown as plain (escaped) text instead: the reader still sees every character.
 */
export function code(value: string): Mrkdwn {
  if (value === '') return EMPTY;
  if (/[`\n\r]/.test(value)) return mint(escapeSlackText(value));
  return mint(`\`${escapeSlackText(value)}\``);
}

function wrap(marker: string, value: MdValue): Mrkdwn {
  const inner = piece(value);
  const trimmed = inner.trim();
  if (trimmed === '') return mint(inner);
  // Slack only formats when the markers touch the text: keep surrounding spaces outside.
  const lead = inner.slice(0, inner.indexOf(trimmed));
  const tail = inner.slice(lead.length + trimmed.length);
  return mint(`${lead}${marker}${trimmed}${marker}${tail}`);
}

export const bold = (value: MdValue): Mrkdwn => wrap('*', value);
export const italic = (value: MdValue): Mrkdwn => wrap('_', value);
export const strike = (value: MdValue): Mrkdwn => wrap('~', value);

const USER_ID = /^[UW][A-Z0-9]{2,20}$/;
const CONVERSATION_ID = /^[CGD][A-Z0-9]{2,20}$/;

/** Whether this is a Slack user ID (U… or W…) that a mention may be made from. */
export function isSlackUserId(id: string): boolean {
  return USER_ID.test(id);
}

/** Whether this is a Slack conversation ID (C…, G… or D…). */
export function isSlackConversationId(id: string): boolean {
  return CONVERSATION_ID.test(id);
}

/** A mention of a Slack user, from an ID the bot resolved; anything else is shown as text. */
export function user(id: string): Mrkdwn {
  return USER_ID.test(id) ? mint(`<@${id}>`) : mint(escapeSlackText(id));
}

/** A link to a channel, from its ID; anything else is shown as text. */
export function channel(id: string): Mrkdwn {
  return CONVERSATION_ID.test(id) ? mint(`<#${id}>`) : mint(escapeSlackText(id));
}

/**
 * A link, only when `url` is a safe http(s) URL (see safeUrl); otherwise the label and the URL are
 * shown as text, so a hostile address can neither hide behind a label nor break out of the link.
 */
export function link(url: string, label?: MdValue, options: { allowHttp?: boolean } = {}): Mrkdwn {
  const href = safeUrl(url, options);
  const shown = label === undefined || label === null || piece(label) === '' ? null : piece(label);
  if (!href) return mint(shown === null ? escapeSlackText(url) : `${shown} (${escapeSlackText(url)})`);
  // A label may not carry a `|` into the token's fallback part unescaped: Slack keeps it, harmless.
  return mint(shown === null ? `<${href}>` : `<${href}|${shown}>`);
}

/**
 * A moment Slack shows in each reader's own time zone (`<!date^…>`), with the fallback shown where
 * it cannot. The format is one of Slack's tokens, e.g. `{date_short_pretty} at {time}`.
 */
export function slackDate(epochSeconds: number, format: string, fallback: string): Mrkdwn {
  const seconds = Math.floor(epochSeconds);
  if (!Number.isSafeInteger(seconds) || !/^[{}a-z_ ,:.-]+$/i.test(format)) return text(fallback);
  return mint(`<!date^${seconds}^${format}|${escapeSlackText(fallback)}>`);
}

/** A block quote: each line of the text starts with Slack's quote marker. */
export function quote(value: MdValue): Mrkdwn {
  const inner = piece(value);
  return inner === ''
    ? EMPTY
    : mint(
        inner
          .split('\n')
          .map((line) => `>${line}`)
          .join('\n'),
      );
}

/** Items joined by a separator; empty items are left out. */
export function join(items: readonly MdValue[], separator: MdValue = ', '): Mrkdwn {
  const sep = piece(separator);
  return mint(
    items
      .map(piece)
      .filter((p) => p !== '')
      .join(sep),
  );
}

/** Lines joined by line breaks; empty lines and missing ones are left out. */
export function lines(...items: MdValue[]): Mrkdwn {
  return join(items, mint('\n'));
}

/** The list, or what to say when it is empty. */
export function listOr(items: readonly MdValue[], none: Mrkdwn, separator: MdValue = ', '): Mrkdwn {
  const joined = join(items, separator);
  return joined.value === '' ? none : joined;
}

/**
 * The same words as plain text, for a terminal, a log line or a place Slack shows as typed (a
 * modal field's error): mentions become the person's name when `userName` knows it, else @ID;
 * links `label (url)`; entities decoded. Takes mrkdwn made here, or the text of a rendered message.
 */
export function toPlainText(
  value: Mrkdwn | string,
  options: { userName?: (id: string) => string | null } = {},
): string {
  const source = typeof value === 'string' ? value : value.value;
  const plain = source.replace(/<([^<>]*)>/g, (_, inner: string) => {
    const [target = '', label] = splitToken(inner);
    if (target.startsWith('@')) return options.userName?.(target.slice(1)) ?? target;
    if (target.startsWith('#')) return target;
    if (target.startsWith('!date^')) return label ?? '';
    if (label === undefined || label === target) return target;
    return `${label} (${target})`;
  });
  return decodeSlackEntities(plain);
}

function splitToken(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar === -1 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}
