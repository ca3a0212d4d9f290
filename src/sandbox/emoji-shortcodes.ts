import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * emoji-datasource (iamcal/emoji-data) is the table Slack's own shortcodes come from: each emoji
 * with its code points and every name Slack knows it by (`:+1:` and `:thumbsup:`). Only those two
 * fields are read; its sprite sheets are never served.
 */
const emojiDataSchema = z.array(
  z.object({
    unified: z.string().regex(/^[0-9A-F]+(?:-[0-9A-F]+)*$/),
    short_names: z.array(z.string().min(1)),
  }),
);

let cached: string | null = null;

/** Shortcode (without colons) -> the emoji, for every emoji Slack has a shortcode for. */
export function emojiShortcodes(): Record<string, string> {
  const file = require.resolve('emoji-datasource/emoji.json');
  const parsed = emojiDataSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} is not emoji-datasource's table as expected: ${parsed.error.issues[0]?.message}`,
    );
  const table: Record<string, string> = {};
  for (const emoji of parsed.data) {
    const text = String.fromCodePoint(...emoji.unified.split('-').map((hex) => parseInt(hex, 16)));
    for (const name of emoji.short_names) table[name] = text;
  }
  return table;
}

/** The console's script that hands the table to block-kit.js, built once on first request. */
export function emojiShortcodesScript(): string {
  cached ??= `'use strict';\nwindow.EMOJI_SHORTCODES = ${JSON.stringify(emojiShortcodes())};\n`;
  return cached;
}
