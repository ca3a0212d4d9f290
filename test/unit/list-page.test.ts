import { listPage } from '../../src/domain/list-page';
import { lineSections } from '../../src/slack/blocks/line-sections';
import { pageFooter } from '../../src/slack/blocks/page-footer';
import { code, md } from '../../src/text/mrkdwn';

describe('pages of a long list', () => {
  it.each([
    // total, per page, page asked for: the page, or null when there is no such page
    [0, 40, 1, { page: 1, pages: 1, perPage: 40, total: 0, offset: 0 }],
    [40, 40, 1, { page: 1, pages: 1, perPage: 40, total: 40, offset: 0 }],
    [41, 40, 2, { page: 2, pages: 2, perPage: 40, total: 41, offset: 40 }],
    [95, 40, 3, { page: 3, pages: 3, perPage: 40, total: 95, offset: 80 }],
    [95, 40, 4, null],
    [0, 40, 2, null],
    [10, 20, 0, null],
    [10, 20, 1.5, null],
  ])('%i rows, %i a page, page %s', (total, perPage, page, expected) => {
    expect(listPage(total, perPage, page)).toEqual(expected);
  });

  it.each([
    [1, 3, 'Page 1 of 3, decisions 1 to 40 of 95 · next: `/kfrelease decisions v1.10.0 page 2`'],
    [
      2,
      3,
      'Page 2 of 3, decisions 41 to 80 of 95 · previous: `/kfrelease decisions v1.10.0 page 1` · next: `/kfrelease decisions v1.10.0 page 3`',
    ],
    [3, 3, 'Page 3 of 3, decisions 81 to 95 of 95 · previous: `/kfrelease decisions v1.10.0 page 2`'],
  ])('says where page %i of %i stands and how to reach the pages around it', (page, _pages, expected) => {
    const at = listPage(95, 40, page)!;
    expect(pageFooter(at, 'decisions', '/kfrelease decisions v1.10.0')?.value).toBe(expected);
  });

  it('says nothing of pages for a list that fits on one', () => {
    expect(pageFooter(listPage(40, 40, 1)!, 'decisions', '/kfrelease decisions')).toBeNull();
  });

  it('splits a page into sections before one passes 3,000 characters, dropping no line', () => {
    const lines = Array.from(
      { length: 20 },
      (_, i) => md`• ${String(i + 1).padStart(2, '0')} ${'x'.repeat(400)}`,
    );
    const sections = lineSections(lines, 8, code('/kfrelease decisions'), md`*Pipelines*`);
    const texts = sections.map((s) => s.text?.text ?? '');
    // 405 characters a line: 7 fit in a section (the first also holds the heading line).
    expect(texts.map((t) => t.split('\n').length)).toEqual([8, 7, 6]);
    expect(texts[0]?.startsWith('*Pipelines*\n• 01 ')).toBe(true);
    expect(texts.every((t) => t.length <= 3000)).toBe(true);
    expect(texts.join('\n').match(/• \d\d /g)).toHaveLength(20);
  });

  it('keeps short lines in sections of the given size', () => {
    const lines = Array.from({ length: 17 }, (_, i) => md`• decision ${i + 1}`);
    const sections = lineSections(lines, 8, code('/kfrelease decisions'));
    expect(sections.map((s) => s.text?.text.split('\n').length)).toEqual([8, 8, 1]);
  });
});
