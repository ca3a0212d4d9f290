import { decodeSlackEntities, isSlackConversationId, isSlackUserId } from '../../text/mrkdwn';

/**
 * A piece of slash-command text as Slack sends it with `should_escape: true`: typed text (its
 * `&amp;`, `&lt;`, `&gt;` decoded once), or one of the tokens Slack makes of what was typed:
 * a user (`<@U123|alan>`), a channel (`<#C123|kf-release>`), a link (`<https://x|label>`,
 * `<mailto:a@b|a@b>`) or a special mention (`<!channel>`, `<!subteam^S1|@team>`).
 */
export type CommandToken =
  | { kind: 'text'; text: string }
  | { kind: 'user'; id: string; label: string | null }
  | { kind: 'channel'; id: string; label: string | null }
  | { kind: 'link'; url: string; label: string | null }
  | { kind: 'special'; name: string; label: string | null };

/** One word of a command: what a token or a run of text stands for, decoded. */
export interface CommandWord {
  /** The word as a person reads it: `@alan` for a mention, `#kf-release` for a channel. */
  text: string;
  /** The word as a machine reads it: a mention as its user ID, a channel as its ID, a link as its address. */
  value: string;
  /** The whitespace typed before it, so free text keeps its shape. */
  gap: string;
  /** The user ID when the word is exactly one mention. */
  user: string | null;
  /** The conversation ID when the word is exactly one channel. */
  channel: string | null;
  /** The address when the word is exactly one link. */
  url: string | null;
}

function token(inner: string): CommandToken {
  const bar = inner.indexOf('|');
  const target = decodeSlackEntities(bar === -1 ? inner : inner.slice(0, bar));
  const label = bar === -1 ? null : decodeSlackEntities(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return isSlackUserId(id) ? { kind: 'user', id, label } : { kind: 'text', text: label ?? target };
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return isSlackConversationId(id)
      ? { kind: 'channel', id, label }
      : { kind: 'text', text: label ?? target };
  }
  if (target.startsWith('!')) return { kind: 'special', name: target.slice(1).split('^')[0] ?? '', label };
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return { kind: 'link', url: target, label };
  return { kind: 'text', text: `<${decodeSlackEntities(inner)}>` };
}

/** Slack's slash-command text, as typed tokens; every piece of it is kept. */
export function tokenizeCommandText(raw: string): CommandToken[] {
  const tokens: CommandToken[] = [];
  const pattern = /<([^<>]*)>/g;
  let at = 0;
  for (const match of raw.matchAll(pattern)) {
    if (match.index > at)
      tokens.push({ kind: 'text', text: decodeSlackEntities(raw.slice(at, match.index)) });
    tokens.push(token(match[1] ?? ''));
    at = match.index + match[0].length;
  }
  if (at < raw.length) tokens.push({ kind: 'text', text: decodeSlackEntities(raw.slice(at)) });
  return tokens;
}

/** What a token stands for, for a machine: the ID or address. */
function valueOf(t: CommandToken): string {
  switch (t.kind) {
    case 'text':
      return t.text;
    case 'user':
    case 'channel':
      return t.id;
    case 'link':
      return t.url;
    case 'special':
      return t.label ?? `@${t.name}`;
  }
}

/** How a token reads as a word: inert text that names what it stands for. */
function shown(t: CommandToken): string {
  switch (t.kind) {
    case 'text':
      return t.text;
    case 'user':
      return `@${t.label ?? t.id}`;
    case 'channel':
      return `#${t.label ?? t.id}`;
    case 'link':
      return t.url.startsWith('mailto:') ? t.url.slice('mailto:'.length) : t.url;
    case 'special':
      return t.label ?? `@${t.name}`;
  }
}

/**
 * The words of a command: text split at whitespace, each token one word (or part of one, when typed
 * without a space next to text, as in `notes=<https://…>`). A word that is exactly one mention,
 * channel or link says which.
 */
export function commandWords(tokens: readonly CommandToken[]): CommandWord[] {
  const words: CommandWord[] = [];
  let current: { parts: CommandToken[]; text: string; value: string; gap: string } | null = null;
  let gap = '';
  const finish = () => {
    if (!current) return;
    const only = current.parts.length === 1 ? current.parts[0] : undefined;
    words.push({
      text: current.text,
      value: current.value,
      gap: current.gap,
      user: only?.kind === 'user' ? only.id : null,
      channel: only?.kind === 'channel' ? only.id : null,
      url: only?.kind === 'link' ? only.url : null,
    });
    current = null;
  };
  for (const t of tokens) {
    if (t.kind !== 'text') {
      current ??= { parts: [], text: '', value: '', gap };
      current.parts.push(t);
      current.text += shown(t);
      current.value += valueOf(t);
      gap = '';
      continue;
    }
    for (const piece of t.text.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) {
        finish();
        gap += piece;
        continue;
      }
      current ??= { parts: [], text: '', value: '', gap };
      current.parts.push({ kind: 'text', text: piece });
      current.text += piece;
      current.value += piece;
      gap = '';
    }
  }
  finish();
  return words;
}

/** The words' text, for arguments read one by one. */
export function wordTexts(words: readonly CommandWord[]): string[] {
  return words.map((w) => w.text);
}

/** Words as one free text (a note, a reason), spaced as typed; mentions and links read as text. */
export function freeText(words: readonly CommandWord[]): string {
  return words
    .map((w, i) => (i === 0 ? w.text : `${w.gap}${w.text}`))
    .join('')
    .trim();
}

/** The user a word names: a mention, or a member ID typed as such (`U0ALAN001`). */
export function userOf(word: CommandWord | undefined): string | null {
  if (!word) return null;
  if (word.user) return word.user;
  return /^[UW][A-Z0-9]{6,}$/.test(word.text) ? word.text : null;
}
