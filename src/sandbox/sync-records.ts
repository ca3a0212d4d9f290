import { z } from 'zod';
import type { SandboxConsole } from './sandbox-console';

/** Who a response_url handed out by the console belongs to, and the message it came from. */
export interface ResponseContext {
  user: string;
  channel: string;
  messageTs?: string;
}

const flag = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

const responseSchema = z.object({
  response_type: z.string().optional(),
  text: z.string().optional(),
  blocks: z.array(z.unknown()).optional(),
  replace_original: flag.optional(),
  delete_original: flag.optional(),
});

const ephemeralSchema = z.object({
  channel: z.string(),
  user: z.string(),
  text: z.string().optional(),
  blocks: z.array(z.unknown()).optional(),
});

/**
 * Applies what the app sent since the console last looked, as Slack would show it: posts to a
 * response_url (a new message, or replacing or deleting the one acted on) and chat.postEphemeral
 * calls. Posts and views need nothing here: the stand-in stores them itself.
 */
export function syncRecords(target: SandboxConsole): void {
  const { slack, cursor } = target;
  for (const post of slack.responses.slice(cursor.responses)) {
    const context = target.responseContexts.get(post.id);
    const body = responseSchema.safeParse(post.body);
    if (context && body.success) applyResponse(target, context, body.data);
  }
  cursor.responses = slack.responses.length;
  for (const call of slack.calls.slice(cursor.calls)) {
    if (call.method !== 'chat.postEphemeral') continue;
    const args = ephemeralSchema.safeParse(call.args);
    if (args.success) target.show(args.data.user, args.data.channel, args.data);
  }
  cursor.calls = slack.calls.length;
}

function applyResponse(
  target: SandboxConsole,
  context: ResponseContext,
  body: z.infer<typeof responseSchema>,
): void {
  const ts = context.messageTs;
  const messages = target.slack.state.messages.get(context.channel) ?? [];
  const inChannel = ts === undefined ? -1 : messages.findIndex((m) => m.ts === ts);
  const ephemeral = target.ephemerals.findIndex((e) => e.ts === ts && e.user === context.user);
  if (body.delete_original) {
    if (inChannel >= 0) messages.splice(inChannel, 1);
    else if (ephemeral >= 0) target.ephemerals.splice(ephemeral, 1);
    return;
  }
  if (body.replace_original) {
    const original = messages[inChannel] ?? target.ephemerals[ephemeral];
    if (original) {
      original.text = body.text ?? original.text;
      original.blocks = body.blocks ?? [];
      return;
    }
  }
  target.show(context.user, context.channel, body);
}
