import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const ROOT = join(__dirname, '..', '..');
const manifest = z
  .object({
    features: z.object({
      app_home: z.object({
        home_tab_enabled: z.boolean(),
        messages_tab_enabled: z.boolean(),
        messages_tab_read_only_enabled: z.boolean(),
      }),
      slash_commands: z.array(z.object({ command: z.string(), url: z.string() })),
    }),
    oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
    settings: z.object({ event_subscriptions: z.object({ bot_events: z.array(z.string()) }) }),
  })
  .parse(parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')));

describe('manifest.yml promises only what kfrelease answers', () => {
  it('keeps the Messages tab read-only: nothing answers a direct message (was: people could type into it)', () => {
    const events = manifest.settings.event_subscriptions.bot_events;
    expect(events).not.toContain('message.im');
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: true,
    });
  });

  it('subscribes to the events kfrelease listens for, and sends its one command to the events URL', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.features.slash_commands.map((c) => [c.command, c.url])).toEqual([
      ['/kfrelease', 'https://YOUR-HOST/slack/events'],
    ]);
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'im:write', 'im:history', 'users:read']),
    );
  });
});
