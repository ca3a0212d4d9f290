import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox';
import { startupMode } from '../../src/startup-settings';

/** Debian's Chromium; playwright-core never downloads a browser of its own here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium as root in a container: no sandbox, no GPU, nothing that calls home. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The sandbox as `npm start` runs it without settings, on a free port and a temporary database;
 * `env` adds settings, e.g. KFRELEASE_NOW to start the clock elsewhere.
 */
export async function startTestSandbox(
  env: Record<string, string> = {},
): Promise<RunningSandbox & { firstLine: string; cleanUp(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'kfrelease-browser-'));
  const mode = startupMode({
    PORT: '0',
    DATABASE_PATH: join(dir, 'sandbox.db'),
    LOG_LEVEL: 'silent',
    ...env,
  });
  if (mode.kind !== 'sandbox') throw new Error(`expected sandbox mode, got ${mode.kind}`);
  const lines: string[] = [];
  const sandbox = await startSandbox(mode.config, { output: { write: (text) => lines.push(text) } });
  return {
    ...sandbox,
    firstLine: lines[0] ?? '',
    async cleanUp() {
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
