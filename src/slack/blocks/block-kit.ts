/** Minimal Block Kit shapes and builders; every message and view is built from these. */
export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
}
export type Block =
  | { type: 'header'; text: TextObject; block_id?: string }
  | { type: 'section'; text?: TextObject; fields?: TextObject[]; block_id?: string; accessory?: unknown }
  | { type: 'context'; elements: TextObject[]; block_id?: string }
  | { type: 'divider'; block_id?: string }
  | { type: 'actions'; elements: unknown[]; block_id?: string };

/** Slack refuses section texts longer than 3,000 characters. */
const MAX_SECTION_TEXT = 3000;

export const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text: clip(text, MAX_SECTION_TEXT) });
export const plain = (text: string): TextObject => ({
  type: 'plain_text',
  text: clip(text, 150),
  emoji: true,
});
export const header = (text: string): Block => ({ type: 'header', text: plain(text) });
export const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
export const fields = (items: string[]): Block => ({
  type: 'section',
  fields: items.slice(0, 10).map(mrkdwn),
});
export const context = (...texts: string[]): Block => ({
  type: 'context',
  elements: texts.slice(0, 10).map(mrkdwn),
});
export const divider = (): Block => ({ type: 'divider' });

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack answer: blocks plus the plain-text fallback Slack shows in notifications. */
export interface SlackAnswer {
  text: string;
  blocks: Block[];
}

/** A modal view as Slack's views.open takes it. */
export interface ModalView {
  type: 'modal';
  callback_id: string;
  private_metadata?: string;
  title: { type: 'plain_text'; text: string };
  submit?: { type: 'plain_text'; text: string };
  close?: { type: 'plain_text'; text: string };
  blocks: unknown[];
}
