import { escapeText, foldLine, icalDocument } from '../../src/public-schedule/ical-text';
import { parseIcal, unescapeText } from '../browser/rfc5545';

describe('iCalendar text', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b; c', 'a\\, b\\; c'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines\r\nthree', 'two\\nlines\\nthree'],
  ])('escapes %j as %j, and unescapes back', (text, escaped) => {
    expect(escapeText(text)).toBe(escaped);
    expect(unescapeText(escaped)).toBe(text.replace(/\r\n/g, '\n'));
  });

  it.each([
    ['ASCII', 'x'.repeat(200)],
    ['two-byte', 'é'.repeat(120)],
    ['four-byte', '🎉'.repeat(60)],
    ['mixed', `SUMMARY:${'Kubeflow ✓ release · '.repeat(12)}`],
  ])('folds a long %s line into pieces of at most 75 octets without splitting a character', (_kind, line) => {
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((piece) => piece.startsWith(' '))).toBe(true);
    expect(pieces.map((piece, i) => (i === 0 ? piece : piece.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('writes documents the test parser accepts, and the parser catches what the RFC forbids', () => {
    const good = icalDocument([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:a@b',
      'DTSTAMP:20260507T080000Z',
      'DTSTART;VALUE=DATE:20260511',
      `SUMMARY:${escapeText('Release, at last; with a long name '.repeat(4))}`,
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    expect(parseIcal(good).problems).toEqual([]);
    const bad =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:a, b\r\nEND:VEVENT\r\nEND:VCALENDAR';
    expect(parseIcal('BEGIN:VCALENDAR\nEND:VCALENDAR\r\n').problems).toContain(
      'a line ends with a bare LF or CR instead of CRLF',
    );
    expect(parseIcal(bad).problems).toEqual(
      expect.arrayContaining([
        'the last line does not end with CRLF',
        'VCALENDAR has 0 PRODID, needs exactly one',
        'VEVENT ? has 0 UID, needs exactly one',
        'SUMMARY is not escaped: a, b',
      ]),
    );
  });
});
