import { escapeMarkdown, markdownCode, markdownLink } from '../../src/text/github-markdown';

const HOSTILE =
  'Crash](https://evil.example/phish) @kubeflow/release-team ![pixel](https://evil.example/t.png) [more';

describe('escapeMarkdown', () => {
  it('makes a hostile GitHub title inert: no link, image, mention or address', () => {
    const escaped = escapeMarkdown(HOSTILE);
    expect(escaped).not.toMatch(/(^|[^\\])\]\(/);
    expect(escaped).not.toMatch(/(^|[^\\])!\[/);
    expect(escaped).not.toMatch(/@kubeflow/);
    expect(escaped).not.toContain('https://');
    expect(escaped).toBe(
      'Crash\\]\\(https:&#8203;//evil.example/phish\\) @&#8203;kubeflow/release-team \\!\\[pixel\\]\\(https:&#8203;//evil.example/t.png\\) \\[more',
    );
  });

  it.each([
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert\\(1\\)\\>'],
    ['# heading', '\\# heading'],
    ['a | b', 'a \\| b'],
    ['&#64;team', '\\&\\#64;team'],
    ['one\ntwo', 'one two'],
    ['www.evil.example', 'www&#8203;.evil.example'],
    ['_x_ *y*', '\\_x\\_ \\*y\\*'],
  ])('%j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('markdownCode and markdownLink', () => {
  it('keeps a code span whole or escapes instead', () => {
    expect(markdownCode('v1.10.0-rc.1')).toBe('`v1.10.0-rc.1`');
    expect(markdownCode('a`b')).toBe('a\\`b');
    expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`');
  });

  it('links only safe https addresses', () => {
    expect(markdownLink('https://github.com/kubeflow/kubeflow/issues/1', 'kubeflow/kubeflow#1')).toBe(
      '[kubeflow/kubeflow\\#1](https://github.com/kubeflow/kubeflow/issues/1)',
    );
    expect(markdownLink('javascript:alert(1)', 'x')).toBe('x');
    expect(markdownLink('https://example.org/a(b)', 'x')).toBe('[x](https://example.org/a%28b%29)');
  });
});
