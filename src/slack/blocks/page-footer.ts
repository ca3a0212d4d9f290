import type { ListPage } from '../../domain/list-page';
import { code, md, type Mrkdwn } from '../../text/mrkdwn';

/**
 * Where a page of a long list stands and the commands for the pages around it, e.g. "Page 2 of 3,
 * decisions 41 to 80 of 95 · previous: `… page 1` · next: `… page 3`"; null for a list that fits
 * on one page.
 */
export function pageFooter(p: ListPage, what: string, command: string): Mrkdwn | null {
  if (p.pages <= 1) return null;
  const last = Math.min(p.total, p.offset + p.perPage);
  const at = (page: number) => code(`${command} page ${page}`);
  const previous = p.page > 1 ? md` · previous: ${at(p.page - 1)}` : md``;
  const next = p.page < p.pages ? md` · next: ${at(p.page + 1)}` : md``;
  return md`Page ${p.page} of ${p.pages}, ${what} ${p.offset + 1} to ${last} of ${p.total}${previous}${next}`;
}
