import {
  bold,
  channel,
  code,
  decodeSlackEntities,
  italic,
  join,
  lines,
  link,
  md,
  Mrkdwn,
  slackDate,
  text,
  toPlainText,
  user,
} from '../../src/text/mrkdwn';
import { formatCount, parseCount } from '../../src/text/numbers';
import { safeUrl } from '../../src/text/safe-url';

describe('md`…`', () => {
  it.each([
    ['R&D <b>', 'R&amp;D &lt;b&gt;'],
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@U0ALAN001>', '&lt;@U0ALAN001&gt;'],
    ['<https://evil.example|Changelog>', '&lt;https://evil.example|Changelog&gt;'],
    ['&amp;', '&amp;amp;'],
    ['plain', 'plain'],
  ])('escapes interpolated text %j exactly once', (input, expected) => {
    expect(md`${input}`.value).toBe(expected);
    expect(decodeSlackEntities(md`${input}`.value)).toBe(input);
  });

  it('escapes its own template text too, so a literal can never make a token', () => {
    expect(md`Use /kfrelease delay <milestone> & more`.value).toBe(
      'Use /kfrelease delay &lt;milestone&gt; &amp; more',
    );
  });

  it('keeps mrkdwn made by the helpers as it is', () => {
    const who = user('U0ALAN001');
    expect(md`Thanks ${who}, see ${code('v1.10.0')}`.value).toBe('Thanks <@U0ALAN001>, see `v1.10.0`');
  });

  it('prints numbers in full, never in exponent form', () => {
    expect(md`#${1e21}`.value).toBe('#1000000000000000000000');
    expect(formatCount(2.5)).toBe('2.5');
  });

  it('cannot be made by hand', () => {
    const Ctor = Mrkdwn as unknown as new (value: string, key: symbol) => Mrkdwn;
    expect(() => new Ctor('<!channel>', Symbol('mrkdwn'))).toThrow(TypeError);
  });
});

describe('the helpers', () => {
  it('makes a mention only from a user ID', () => {
    expect(user('U0ALAN001').value).toBe('<@U0ALAN001>');
    expect(user('W0ADA0001').value).toBe('<@W0ADA0001>');
    expect(user('U0> <!channel').value).toBe('U0&gt; &lt;!channel');
    expect(user('alan').value).toBe('alan');
  });

  it('makes a channel link only from a conversation ID', () => {
    expect(channel('C0RELEASE').value).toBe('<#C0RELEASE>');
    expect(channel('#general').value).toBe('#general');
  });

  it.each([
    ['https://bit.ly/kf-notes', 'notes', '<https://bit.ly/kf-notes|notes>'],
    [
      'https://github.com/kubeflow/kubeflow/releases/tag/v1.10.0',
      undefined,
      '<https://github.com/kubeflow/kubeflow/releases/tag/v1.10.0>',
    ],
    ['https://example.org/a b', 'x', 'x (https://example.org/a b)'],
    [
      'https://evil.example/a><!channel><https://evil.example/phish|Changelog',
      'evidence',
      'evidence (https://evil.example/a&gt;&lt;!channel&gt;&lt;https://evil.example/phish|Changelog)',
    ],
    ['javascript:alert(1)', 'x', 'x (javascript:alert(1))'],
    ['http://example.org/', 'x', 'x (http://example.org/)'],
    ['https://kubeflow.org@evil.example/', 'x', 'x (https://kubeflow.org@evil.example/)'],
  ])('links %s only when it is a safe https URL', (url, label, expected) => {
    expect(link(url, label).value).toBe(expected);
  });

  it('allows http links where the caller says so', () => {
    expect(link('http://example.org/x', 'x', { allowHttp: true }).value).toBe('<http://example.org/x|x>');
  });

  it('escapes a link label', () => {
    expect(link('https://github.com/a/b/issues/1', 'a/b#1 <!here>').value).toBe(
      '<https://github.com/a/b/issues/1|a/b#1 &lt;!here&gt;>',
    );
  });

  it('keeps code spans whole or leaves them out', () => {
    expect(code('/kfrelease delay <milestone> <new-date>').value).toBe(
      '`/kfrelease delay &lt;milestone&gt; &lt;new-date&gt;`',
    );
    expect(code('a`b').value).toBe('a`b');
    expect(code('').value).toBe('');
  });

  it('keeps spaces outside bold and italic markers', () => {
    expect(bold(' Pipelines ').value).toBe(' *Pipelines* ');
    expect(italic('').value).toBe('');
    expect(bold(text('R&D')).value).toBe('*R&amp;D*');
  });

  it('joins and lines leave empty items out', () => {
    expect(join(['a', '', null, md`*b*`]).value).toBe('a, *b*');
    expect(lines('one', undefined, 'two').value).toBe('one\ntwo');
  });

  it('makes a date token with an escaped fallback', () => {
    expect(slackDate(1767225600, '{date_short_pretty} at {time}', 'Thu 1 Jan 2026 <UTC>').value).toBe(
      '<!date^1767225600^{date_short_pretty} at {time}|Thu 1 Jan 2026 &lt;UTC&gt;>',
    );
    expect(slackDate(1767225600, '{time}>|<!channel', 'x').value).toBe('x');
  });

  it('turns mrkdwn into plain text for a terminal or a form field', () => {
    const value = md`${user('U0ALAN001')} moved ${code('rc.1')} (${link('https://bit.ly/x', 'notes')}), R&D ${channel('C0RELEASE')}`;
    expect(toPlainText(value)).toBe('@U0ALAN001 moved `rc.1` (notes (https://bit.ly/x)), R&D #C0RELEASE');
  });
});

describe('numbers typed by people', () => {
  it.each([
    ['3', 3],
    ['#12', 12],
    ['999999999', 999999999],
    ['1000000000', null],
    ['999999999999999999999', null],
    ['0', null],
    ['1e3', null],
    ['-1', null],
    ['3.5', null],
  ])('%s reads as %p', (input, expected) => {
    expect(parseCount(input)).toBe(expected);
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://bit.ly/x', 'https://bit.ly/x'],
    ['https://EXAMPLE.org/ä?q=1&r=2', 'https://example.org/%C3%A4?q=1&r=2'],
    ['https://example.org/a|b', null],
    ['https://example.org/a>b', null],
    [' https://example.org/', null],
    ['https:///nohost', 'https://nohost/'],
    ['ftp://example.org/', null],
    ['mailto:a@example.org', null],
    ['https://user:pw@example.org/', null],
  ])('%s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});
