import { z } from 'zod';
import type { AppServices } from '../../app-services';
import { UserError } from '../../errors';
import { code, md, type Mrkdwn } from '../../text/mrkdwn';
import { chooseRelease } from '../../workflows/find-release';
import type { ModalView, SlackAnswer } from '../blocks/block-kit';
import { wordTexts, type CommandWord } from './command-tokens';

export type { CommandWord } from './command-tokens';

export interface CommandContext {
  services: AppServices;
  userId: string;
  channelId: string | null;
  /** The version named with `--release`, if any. */
  release?: string;
  /** Lines the answer ends with, e.g. which release it is about when that was a choice. */
  notes: Mrkdwn[];
}

/**
 * The release version a command is about: the one it names (as its word, or with `--release`),
 * else the one chooseRelease picks for the channel it came from. When that pick was one of
 * several live releases, the answer says so and how to name the other.
 */
export function releaseVersion(ctx: CommandContext, named?: string): string {
  if (named !== undefined && ctx.release !== undefined && named.toLowerCase() !== ctx.release.toLowerCase())
    throw new UserError('bad_argument', md`Name one release: ${named} or ${ctx.release}.`);
  const explicit = named ?? ctx.release;
  if (explicit !== undefined) return explicit;
  const choice = chooseRelease(ctx.services, ctx.channelId);
  if (choice.how !== 'channel' && choice.others.length > 0) {
    const other = choice.others[0]?.version ?? '';
    const live = [choice.release, ...choice.others].map((r) => r.version).join(', ');
    ctx.notes.push(
      md`About Kubeflow ${choice.release.version}, one of the live releases (${live}). For another, add ${code(`--release ${other}`)} or ask in its release channel.`,
    );
  }
  return choice.release.version;
}

/** A subcommand answers with a message, or opens a modal. */
export type CommandOutcome = SlackAnswer | { view: ModalView };

/**
 * What help, routing, the command reference and unknown-command suggestions know of a subcommand:
 * everything but what it does.
 */
export interface SubcommandDefinition<Name extends string = string> {
  name: Name;
  usage: string;
  example: string;
  summary: string;
}

/** Runs with the words after the subcommand's name, read from Slack's tokens (never raw text). */
export type SubcommandRun = (ctx: CommandContext, args: CommandWord[]) => CommandOutcome;

/** One `/kfrelease` subcommand: its words, how to use it, and what it does. */
export interface Subcommand extends SubcommandDefinition {
  run: SubcommandRun;
}

/** Parses a subcommand's arguments (their text), turning the problems into a message with the usage. */
export function parseArgs<T>(schema: z.ZodType<T>, args: readonly CommandWord[], usage: string): T {
  const parsed = schema.safeParse(wordTexts(args));
  if (!parsed.success) {
    throw new UserError(
      'bad_argument',
      md`${parsed.error.issues.map((i) => i.message).join('\n')}`,
      md`Usage: ${code(usage)}`,
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

/** The release of a subcommand that takes at most a version: `/kfrelease <name> [version]`. */
export function versionOnly(ctx: CommandContext, args: readonly CommandWord[], name: string): string {
  return releaseVersion(ctx, parseArgs(optionalVersion(name), args, `/kfrelease ${name} [version]`));
}
