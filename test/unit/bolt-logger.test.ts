import { createLogger } from '../../src/logger';
import { boltLogger } from '../../src/slack/bolt-logger';

describe("Bolt's logger over ours", () => {
  it('writes what our level lets through, and builds no message for what it does not', () => {
    const lines: string[] = [];
    const bolt = boltLogger(createLogger('info', { write: (line: string) => void lines.push(line) }));
    let built = 0;
    const payload = { toJSON: () => (built++, { id: 'Ev1' }) };
    bolt.debug('acknowledged', payload);
    expect(built).toBe(0);
    bolt.warn('unhandled request', payload);
    expect(built).toBe(1);
    expect(
      lines.map((line) => JSON.parse(line) as { level: number; component: string; msg: string }),
    ).toEqual([
      expect.objectContaining({ level: 40, component: 'bolt', msg: 'unhandled request {"id":"Ev1"}' }),
    ]);
  });
});
