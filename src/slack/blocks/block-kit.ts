import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  HomeView,
  InputBlock,
  InputBlockElement,
  KnownBlock,
  ModalView,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  StaticSelect,
  SectionBlock,
  SectionBlockAccessory,
} from '@slack/types';
import { clipMrkdwn, clipPlain, fitLines } from '../../text/clip';
import { md, type Mrkdwn } from '../../text/mrkdwn';

/**
 * The Block Kit builders every message, view and Home tab is made of. Mrkdwn comes in only as
 * `Mrkdwn` (src/text/mrkdwn.ts), so everything a person, GitHub or a file wrote is escaped once;
 * plain text (headers, buttons, options) is shown by Slack as typed and only clipped.
 */
export type Block = KnownBlock;
export type { HomeView, ModalView };

/** Slack's documented limits. */
export const LIMITS = {
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  optionText: 75,
  optionValue: 150,
  options: 100,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  messageBlocks: 50,
  viewBlocks: 100,
  /** The message text Slack shows in notifications; well below its 40,000 characters. */
  fallbackText: 3000,
} as const;

/** A mrkdwn text object, clipped at a safe place; `verbatim`, so Slack links nothing by itself. */
export function mrkdwn(value: Mrkdwn, max: number = LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: clipMrkdwn(value, max).value, verbatim: true };
}

/** A plain text object: shown as typed (Slack reads no markup in it), clipped between characters. */
export function plain(text: string, max: number = LIMITS.headerText): PlainTextElement {
  return { type: 'plain_text', text: clipPlain(text, max), emoji: true };
}

export function section(
  value: Mrkdwn,
  options: { blockId?: string; accessory?: SectionBlockAccessory } = {},
): SectionBlock {
  return {
    type: 'section',
    text: mrkdwn(value),
    ...(options.blockId ? { block_id: options.blockId } : {}),
    ...(options.accessory ? { accessory: options.accessory } : {}),
  };
}

/**
 * A section listing items one a line: as many as fit, then how many more there are and where to
 * see them, e.g. `_and 49 more: /kfrelease action_`. Nothing is dropped silently.
 */
export function listSection(lead: Mrkdwn | null, items: readonly Mrkdwn[], seeAll: Mrkdwn): SectionBlock {
  const leadText = lead ? `${lead.value}\n` : '';
  const budget = LIMITS.sectionText - leadText.length;
  const list = fitLines(items, budget, (hidden) => md`_and ${hidden} more: ${seeAll}_`);
  return section(lead ? md`${lead}\n${list}` : list);
}

/** A section of up to ten short fields, shown two by two. */
export function fields(items: readonly Mrkdwn[]): SectionBlock {
  return {
    type: 'section',
    fields: items.slice(0, LIMITS.fields).map((item) => mrkdwn(item, LIMITS.fieldText)),
  };
}

export function context(...items: Mrkdwn[]): ContextBlock {
  return {
    type: 'context',
    elements: items.slice(0, LIMITS.contextElements).map((item) => mrkdwn(item)),
  };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.headerText) };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function button(params: {
  actionId: string;
  text: string;
  value?: string;
  style?: 'primary' | 'danger';
}): Button {
  return {
    type: 'button',
    action_id: params.actionId,
    text: plain(params.text, LIMITS.buttonText),
    ...(params.value === undefined ? {} : { value: params.value }),
    ...(params.style ? { style: params.style } : {}),
  };
}

export function actions(blockId: string, elements: Button[]): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements };
}

/** An option of a select or radio buttons: text shown as typed, value within Slack's limit. */
export function option(text: string, value: string = text): PlainTextOption {
  return { text: plain(text, LIMITS.optionText), value: value.slice(0, LIMITS.optionValue) };
}

/**
 * The working-group picker of a form (`wg`): the groups the person may choose, at most Slack's
 * option limit, preselected when there is only one.
 */
export function workingGroupSelect(names: string[]): StaticSelect {
  const groups = names.slice(0, LIMITS.options);
  return {
    type: 'static_select',
    action_id: 'wg',
    options: groups.map((g) => option(g)),
    ...(groups.length === 1 && groups[0] ? { initial_option: option(groups[0]) } : {}),
  };
}

export function input(params: {
  blockId: string;
  label: string;
  element: InputBlockElement;
  optional?: boolean;
  hint?: string;
  dispatchAction?: boolean;
}): InputBlock {
  return {
    type: 'input',
    block_id: params.blockId,
    label: plain(params.label, LIMITS.inputLabel),
    element: params.element,
    ...(params.optional ? { optional: true } : {}),
    ...(params.hint ? { hint: plain(params.hint, LIMITS.inputHint) } : {}),
    ...(params.dispatchAction ? { dispatch_action: true } : {}),
  };
}

/** A modal, with its title and buttons clipped to Slack's 24 characters. */
export function modal(params: {
  callbackId: string;
  title: string;
  blocks: Block[];
  submit?: string;
  close?: string;
  privateMetadata?: string;
}): ModalView {
  return {
    type: 'modal',
    callback_id: params.callbackId,
    title: plain(params.title, LIMITS.modalTitle),
    ...(params.submit ? { submit: plain(params.submit, LIMITS.modalButton) } : {}),
    ...(params.close ? { close: plain(params.close, LIMITS.modalButton) } : {}),
    ...(params.privateMetadata === undefined ? {} : { private_metadata: params.privateMetadata }),
    blocks: params.blocks.slice(0, LIMITS.viewBlocks),
  };
}

/** A Slack answer: blocks, and the mrkdwn text Slack shows in notifications and where blocks cannot show. */
export interface SlackAnswer {
  text: string;
  blocks: Block[];
}

/** The one way to make a SlackAnswer: its text is mrkdwn, escaped like the blocks. */
export function answer(text: Mrkdwn, blocks: Block[]): SlackAnswer {
  return { text: clipMrkdwn(text, LIMITS.fallbackText).value, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}
