import pino from 'pino';

export type Logger = pino.Logger;

/** Paths that may hold secrets: never written to the log. */
const REDACT = [
  'token',
  '*.token',
  'headers.authorization',
  '*.headers.authorization',
  'botToken',
  'signingSecret',
  'appToken',
  'githubToken',
  'config.slack',
  'config.github.token',
];

/** A structured logger writing JSON lines to stdout (or to the given destination). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined }, destination);
}
