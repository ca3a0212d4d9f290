import type { Logger as BoltLogger } from '@slack/bolt';
import { LogLevel } from './bolt-parts';
import type { Logger } from '../logger';

/** Bolt's logger interface over our structured logger. */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  const join = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  // Bolt logs at debug level several times per request: the message is only built when it is written.
  const write = (at: 'debug' | 'info' | 'warn' | 'error', msg: unknown[]) => {
    if (log.isLevelEnabled(at)) log[at](join(msg));
  };
  return {
    debug: (...msg) => write('debug', msg),
    info: (...msg) => write('info', msg),
    warn: (...msg) => write('warn', msg),
    error: (...msg) => write('error', msg),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
