import { z } from 'zod';
import type { AppServices } from '../../app-services';
import { UserError } from '../../errors';
import type { ModalView, SlackAnswer } from '../blocks/block-kit';

export interface CommandContext {
  services: AppServices;
  userId: string;
  channelId: string | null;
}

/** A subcommand answers with a message, or opens a modal. */
export type CommandOutcome = SlackAnswer | { view: ModalView };

/** One `/kfrelease` subcommand: its words, how to use it, and what it does. */
export interface Subcommand {
  name: string;
  usage: string;
  example: string;
  summary: string;
  run(ctx: CommandContext, args: string[]): CommandOutcome;
}

/** Parses a subcommand's arguments, turning the problems into a message with the usage. */
export function parseArgs<T>(schema: z.ZodType<T>, args: string[], usage: string): T {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    throw new UserError(
      'bad_argument',
      parsed.error.issues.map((i) => i.message).join('\n'),
      `Usage: \`${usage}\``,
    );
  }
  return parsed.data;
}

const optionalVersionSchemas = new Map<string, z.ZodType<string | undefined>>();

/** Arguments of a subcommand that takes at most a release version (schemas built once per name). */
export function optionalVersion(what: string): z.ZodType<string | undefined> {
  let schema = optionalVersionSchemas.get(what);
  if (!schema) {
    schema = z
      .array(z.string())
      .max(1, `${what} takes at most one argument: a release version such as v1.10.0.`)
      .transform((args) => args[0]);
    optionalVersionSchemas.set(what, schema);
  }
  return schema;
}
