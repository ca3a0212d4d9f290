import { listPage, type ListPage } from '../domain/list-page';
import { UserError } from '../errors';
import { code, md } from '../text/mrkdwn';

/**
 * The page a person asked for of a list of `total` rows; a UserError naming the pages there are
 * when it has no such page. `command` is how to ask for a page, e.g. `/kfrelease decisions v1.10.0`.
 */
export function pageOfList(params: {
  total: number;
  perPage: number;
  page: number;
  /** What the list holds, plural: "decisions". */
  what: string;
  command: string;
}): ListPage {
  const found = listPage(params.total, params.perPage, params.page);
  if (found) return found;
  const pages = Math.max(1, Math.ceil(params.total / params.perPage));
  throw new UserError(
    'bad_argument',
    md`There is no page ${params.page}: the ${params.what} (${params.total}) fill ${pages === 1 ? 'one page' : `${pages} pages`}.`,
    md`Try ${code(`${params.command}${pages === 1 ? '' : ` page ${pages}`}`)}.`,
  );
}
