import { RELEASE_SUBCOMMANDS } from './release-subcommands';
import { REVISION_SUBCOMMANDS } from './revision-subcommands';
import type { Subcommand } from './subcommand';

export type { CommandContext, Subcommand } from './subcommand';

/** Every `/kfrelease` subcommand, in the order help lists them. */
export const SUBCOMMANDS: Subcommand[] = [...RELEASE_SUBCOMMANDS, ...REVISION_SUBCOMMANDS];
