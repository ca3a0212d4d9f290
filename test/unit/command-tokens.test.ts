import {
  commandWords,
  freeText,
  tokenizeCommandText,
  userOf,
  wordTexts,
} from '../../src/slack/commands/command-tokens';

/** Slash-command text as Slack sends it with should_escape: true, in the shapes of Slack's formatting docs. */
describe('tokenizeCommandText', () => {
  it.each([
    ['<@U024BE7LH|bob>', [{ kind: 'user', id: 'U024BE7LH', label: 'bob' }]],
    ['<@U024BE7LH>', [{ kind: 'user', id: 'U024BE7LH', label: null }]],
    ['<#C024BE7LR|general>', [{ kind: 'channel', id: 'C024BE7LR', label: 'general' }]],
    ['<!here>', [{ kind: 'special', name: 'here', label: null }]],
    ['<!channel>', [{ kind: 'special', name: 'channel', label: null }]],
    ['<!subteam^SAZ94GDB8|@release-team>', [{ kind: 'special', name: 'subteam', label: '@release-team' }]],
    [
      '<https://example.com/a?b=1&amp;c=2|This message *is* a link>',
      [{ kind: 'link', url: 'https://example.com/a?b=1&c=2', label: 'This message *is* a link' }],
    ],
    [
      '<mailto:bob@example.com|Email Bob Roberts>',
      [{ kind: 'link', url: 'mailto:bob@example.com', label: 'Email Bob Roberts' }],
    ],
    [
      '<!date^1392734382^Posted {date_num}|Posted 2014-02-18>',
      [{ kind: 'special', name: 'date', label: 'Posted 2014-02-18' }],
    ],
    ['R&amp;D &lt;b&gt;', [{ kind: 'text', text: 'R&D <b>' }]],
    ['&amp;lt;', [{ kind: 'text', text: '&lt;' }]],
  ])('%s', (raw, tokens) => {
    expect(tokenizeCommandText(raw)).toEqual(tokens);
  });

  it('keeps text between tokens, decoded once', () => {
    expect(tokenizeCommandText('ask <@U012ABCDEF|crusher> about R&amp;D in <#C012ABCDE|d-social>')).toEqual([
      { kind: 'text', text: 'ask ' },
      { kind: 'user', id: 'U012ABCDEF', label: 'crusher' },
      { kind: 'text', text: ' about R&D in ' },
      { kind: 'channel', id: 'C012ABCDE', label: 'd-social' },
    ]);
  });

  it('reads a stray bracket sent by something other than Slack as text', () => {
    expect(tokenizeCommandText('a <b')).toEqual([{ kind: 'text', text: 'a <b' }]);
    expect(tokenizeCommandText('<@not-an-id|x>')).toEqual([{ kind: 'text', text: 'x' }]);
  });
});

describe('commandWords', () => {
  const words = (raw: string) => commandWords(tokenizeCommandText(raw));

  it('splits at whitespace and keeps each token one word, for people and for machines', () => {
    const w = words('notetaker swap <@U0ALAN001|alan>');
    expect(wordTexts(w)).toEqual(['notetaker', 'swap', '@alan']);
    expect(w[2]).toMatchObject({ user: 'U0ALAN001', value: 'U0ALAN001' });
    expect(userOf(w[2])).toBe('U0ALAN001');
    expect(userOf(w[0])).toBeNull();
  });

  it('reads key=value with a token glued to it', () => {
    const w = words('meeting set channel=<#C0KFREL01|kf-release> notes=<https://bit.ly/kf&amp;x>');
    expect(w.map((x) => x.value)).toEqual([
      'meeting',
      'set',
      'channel=C0KFREL01',
      'notes=https://bit.ly/kf&x',
    ]);
    expect(w[2]?.channel).toBeNull();
  });

  it('gives free text back as typed, decoded once, mentions and broadcasts inert', () => {
    const w = words('action add Ask   R&amp;D &lt;b&gt; about <!channel> and <@U0ALAN001|alan>');
    expect(freeText(w.slice(2))).toBe('Ask   R&D <b> about @channel and @alan');
  });
});
