import type { DateTime } from 'luxon';

/** RFC 5545 3.1: a content line is at most 75 octets, CRLF excluded; longer ones are folded. */
const MAX_OCTETS = 75;

/** A TEXT value with backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line into pieces of at most 75 octets, each continuation starting with a
 * space; a multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > MAX_OCTETS) {
      pieces.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n');
}

/** `NAME:escaped text`. */
export const textLine = (name: string, value: string): string => `${name}:${escapeText(value)}`;

/** An all-day date: `NAME;VALUE=DATE:20260511` from 2026-05-11. */
export const dateLine = (name: string, isoDate: string): string =>
  `${name};VALUE=DATE:${isoDate.replace(/-/g, '')}`;

/** A moment in UTC: `NAME:20260507T080000Z`. */
export const utcLine = (name: string, at: DateTime): string =>
  `${name}:${at.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'")}`;

/** The document: every line folded, every line ending in CRLF. */
export function icalDocument(lines: string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
