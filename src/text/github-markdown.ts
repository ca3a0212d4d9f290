import { safeUrl } from './safe-url';

/** Characters Markdown (and GitHub's HTML filter) read as syntax: each is backslash-escaped. */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+!|<>~&]/g;

/** An invisible break GitHub shows as nothing, written as an entity so it survives copy and paste. */
const WORD_JOINER = '&#8203;';

/**
 * Text from a person, GitHub or a config file, made inert for GitHub Markdown: it can make no link,
 * image, mention, heading, HTML tag or table cell there. Syntax characters are backslash-escaped,
 * `@` is followed by an invisible break (so `@kubeflow/release-team` pings nobody), `://` and
 * `www.` get one too (so no address turns into a link by itself), and line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(MARKDOWN_SYNTAX, (c) => `\\${c}`)
    .replace(/@/g, `@${WORD_JOINER}`)
    .replace(/:\/\//g, `:${WORD_JOINER}//`)
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${WORD_JOINER}.`);
}

/**
 * Inline code for GitHub Markdown; text that cannot sit in a code span is escaped instead. In a
 * table cell a `|` would still end the cell, so there it is escaped inside the span too.
 */
export function markdownCode(text: string, options: { inTable?: boolean } = {}): string {
  if (text === '' || /[`\r\n]/.test(text)) return escapeMarkdown(text);
  return `\`${options.inTable ? text.replace(/\|/g, '\\|') : text}\``;
}

/** A Markdown link, only to a safe https URL; otherwise the label alone, escaped. */
export function markdownLink(url: string, label: string): string {
  const href = safeUrl(url);
  const shown = escapeMarkdown(label);
  if (!href) return shown;
  // Parentheses in an address would end the link early.
  return `[${shown}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}
