import { z } from 'zod';
import { formatCount, MAX_COUNT, readWholeNumber, wholeNumberWord } from '../../src/text/numbers';

describe('readWholeNumber', () => {
  it.each([
    ['3', {}, 3],
    ['#12', { hash: true }, 12],
    ['0', {}, 0],
    ['000000000001', {}, 1],
    ['999999999', {}, 999999999],
    [' 7 ', {}, 7],
  ])('reads %j with %j as %p', (input, bounds, value) => {
    expect(readWholeNumber(input, 'an action item number', bounds)).toEqual({ ok: true, value });
  });

  it.each([
    [
      '999999999999999999999',
      {},
      'too_large',
      '999999999999999999999 is too large for an action item number, which has at most 9 digits.',
    ],
    [
      '1000000000',
      {},
      'too_large',
      '1000000000 is too large for an action item number, which has at most 9 digits.',
    ],
    ['169', { max: 168 }, 'too_large', '169 is too large for an action item number, which is at most 168.'],
    [
      '9'.repeat(30),
      {},
      'too_large',
      '999999999999… is too large for an action item number, which has at most 9 digits.',
    ],
    ['0', { min: 1 }, 'too_small', '0 is too small for an action item number, which is at least 1.'],
    ['#3', {}, 'not_a_number', '"#3" is not an action item number: write it in digits.'],
    ['1e21', {}, 'not_a_number', '"1e21" is not an action item number: write it in digits.'],
    ['-1', {}, 'not_a_number', '"-1" is not an action item number: write it in digits.'],
    ['3.5', {}, 'not_a_number', '"3.5" is not an action item number: write it in digits.'],
    ['', {}, 'not_a_number', '"" is not an action item number: write it in digits.'],
  ])('refuses %j with %j: %s', (input, bounds, reason, problem) => {
    expect(readWholeNumber(input, 'an action item number', bounds)).toEqual({ ok: false, reason, problem });
  });

  it('never allows more than nine digits, whatever the bound asked for', () => {
    expect(readWholeNumber('1000000000', 'a count', { max: 10 ** 12 }).ok).toBe(false);
    expect(MAX_COUNT).toBe(999999999);
  });
});

describe('wholeNumberWord', () => {
  const schema = z.array(wholeNumberWord('a docs item number', { min: 1, hash: true }));

  it('reads command words into numbers', () => {
    expect(schema.parse(['#4', '5'])).toEqual([4, 5]);
  });

  it('refuses a 21-digit ID with the field and the limit (was: read as 1e+21)', () => {
    const parsed = schema.safeParse(['999999999999999999999']);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      '999999999999999999999 is too large for a docs item number, which has at most 9 digits.',
    ]);
  });
});

describe('formatCount', () => {
  it.each([
    [1e21, '1000000000000000000000'],
    [999999999, '999999999'],
    [-12, '-12'],
    [0.1 + 0.2, '0.3'],
  ])('prints %p without an exponent: %s', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });
});
