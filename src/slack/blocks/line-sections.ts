import type { Mrkdwn } from '../../text/mrkdwn';
import type { SectionBlock } from '@slack/types';
import { LIMITS, listSection } from './block-kit';

/**
 * Lines of a list as sections of at most `perSection` lines each, starting a new section before
 * one would pass Slack's section limit, so a page of a list shows every line it holds. The first
 * section may carry a heading (`lead`); a single line too long for a section is cut.
 */
export function lineSections(
  lines: readonly Mrkdwn[],
  perSection: number,
  seeAll: Mrkdwn,
  lead: Mrkdwn | null = null,
): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let chunk: Mrkdwn[] = [];
  let length = lead ? lead.length + 1 : 0;
  const flush = () => {
    if (chunk.length === 0) return;
    sections.push(listSection(sections.length === 0 ? lead : null, chunk, seeAll));
    chunk = [];
    length = 0;
  };
  for (const line of lines) {
    const cost = (chunk.length > 0 ? 1 : 0) + line.length;
    if (chunk.length >= perSection || (chunk.length > 0 && length + cost > LIMITS.sectionText)) flush();
    length += (chunk.length > 0 ? 1 : 0) + line.length;
    chunk.push(line);
  }
  flush();
  return sections;
}
