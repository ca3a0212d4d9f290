/** Where one page of a long list falls: which rows it shows, and how many pages there are. */
export interface ListPage {
  /** 1 for the first page. */
  page: number;
  /** At least 1, also for an empty list. */
  pages: number;
  perPage: number;
  /** Rows in the whole list. */
  total: number;
  /** Rows before this page. */
  offset: number;
}

/**
 * Page `page` of a list of `total` rows shown `perPage` at a time; null when the list has no such
 * page (an empty list has page 1, showing nothing).
 */
export function listPage(total: number, perPage: number, page: number): ListPage | null {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (!Number.isInteger(page) || page < 1 || page > pages) return null;
  return { page, pages, perPage, total, offset: (page - 1) * perPage };
}
