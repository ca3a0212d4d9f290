import type { Subcommand, SubcommandDefinition, SubcommandRun } from './subcommand';

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
