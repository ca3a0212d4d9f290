import type { TestApp } from './start-app';

/**
 * Delivers everything queued and waits until nothing is pending: a post the app's own sender is
 * sending right now is left to it. Fails after 3 s, naming what is still waiting.
 */
export async function delivered(app: TestApp): Promise<void> {
  const deadline = Date.now() + 3000;
  while (app.services.store.outbox.pending().length > 0) {
    await app.deliverOutbox();
    if (Date.now() > deadline) {
      const rows = app.services.store.outbox
        .pending()
        .map((r) => `${r.key} ${r.attempts} ${r.lastError ?? ''}`);
      throw new Error(`the outbox was not delivered within 3 s: ${rows.join('; ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
