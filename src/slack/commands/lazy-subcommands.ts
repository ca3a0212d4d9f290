import type { CommandContext, CommandOutcome, CommandWord, Subcommand } from './subcommand';

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

/** What one subcommand does, given the words after its name. */
export type SubcommandRun = (ctx: CommandContext, args: CommandWord[]) => CommandOutcome;

/** An area's handlers, one per subcommand name of its definitions. */
export type SubcommandHandlers<Name extends string> = Record<Name, SubcommandRun>;

/**
 * An area's subcommands, whose handlers (with their workflows, blocks and argument schemas) are
 * loaded the first time one of them runs: starting the app and answering `status` does not load
 * the code of every other command. `loadHandlers` is the area's synchronous `require()`.
 */
export function lazySubcommands<Name extends string>(
  definitions: readonly SubcommandDefinition<Name>[],
  loadHandlers: () => SubcommandHandlers<Name>,
): Subcommand[] {
  let handlers: SubcommandHandlers<Name> | undefined;
  return definitions.map((definition) => ({
    ...definition,
    run: (ctx, args) => (handlers ??= loadHandlers())[definition.name](ctx, args),
  }));
}
