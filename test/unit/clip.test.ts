import { clipMrkdwn, clipPlain, fitLines } from '../../src/text/clip';
import { code, link, md, user, type Mrkdwn } from '../../src/text/mrkdwn';

const more = (n: number) => md`_and ${n} more: ${code('/kfrelease action')}_`;

describe('clipMrkdwn', () => {
  it('leaves text that fits alone', () => {
    const value = md`short`;
    expect(clipMrkdwn(value, 10)).toBe(value);
  });

  it.each([
    ['an entity', md`${'x'.repeat(8)}&lt;b`, 'x'.repeat(8)],
    ['a mention', md`${'x'.repeat(8)}${user('U0ALAN001')}`, 'x'.repeat(8)],
    ['a link', md`${'x'.repeat(8)}${link('https://bit.ly/x', 'notes')}`, 'x'.repeat(8)],
    ['a code span', md`${'x'.repeat(8)}${code('/kfrelease status')}`, 'x'.repeat(8)],
    ['an emoji', md`${'x'.repeat(8)}:alarm_clock:`, 'x'.repeat(8)],
    ['a character', md`${'x'.repeat(8)}👩‍👩‍👧`, 'x'.repeat(8)],
  ])('never cuts inside %s', (_, value, kept) => {
    expect(clipMrkdwn(value, 12).value).toBe(`${kept}…`);
  });

  it('cuts at a late line break', () => {
    const value = md`${'a'.repeat(20)}\n${'b'.repeat(20)}`;
    expect(clipMrkdwn(value, 30).value).toBe(`${'a'.repeat(20)}…`);
  });

  it('counts the escaped text, as Slack does', () => {
    const value = md`${'&'.repeat(10)}`;
    const clipped = clipMrkdwn(value, 20);
    expect(clipped.length).toBeLessThanOrEqual(20);
    expect(clipped.value).toBe(`${'&amp;'.repeat(3)}…`);
  });
});

describe('clipPlain', () => {
  it('cuts between characters', () => {
    expect(clipPlain('ab👩‍👩‍👧cd', 5)).toBe('ab…');
    expect(clipPlain('abc', 3)).toBe('abc');
  });
});

describe('fitLines', () => {
  const items = (n: number): Mrkdwn[] =>
    Array.from({ length: n }, (_, i) => md`• #${i + 1} Ask the Training WG`);

  it('shows everything that fits', () => {
    expect(fitLines(items(3), 3000, more).value.split('\n')).toHaveLength(3);
  });

  it('says how many were left out, within the budget', () => {
    const fitted = fitLines(items(62), 500, more);
    const shown = fitted.value.split('\n');
    const last = shown[shown.length - 1] ?? '';
    expect(fitted.length).toBeLessThanOrEqual(500);
    expect(last).toBe(`_and ${62 - (shown.length - 1)} more: \`/kfrelease action\`_`);
    expect(shown.length - 1).toBeGreaterThan(10);
  });

  it('clips a single item too long on its own', () => {
    const fitted = fitLines([md`${'x'.repeat(100)}`, md`two`], 50, more);
    expect(fitted.length).toBeLessThanOrEqual(50);
    expect(fitted.value).toMatch(/…\n_and 1 more/);
  });
});
