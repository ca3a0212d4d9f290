import { BLOCKER_SUBCOMMANDS } from './blocker-subcommands';
import { MEETING_SUBCOMMANDS } from './meeting-subcommands';
import { RC_SUBCOMMANDS } from './rc-subcommands';
import { RELEASE_MANAGER_SUBCOMMANDS } from './release-manager-subcommands';
import { RELEASE_SUBCOMMANDS } from './release-subcommands';
import { REVISION_SUBCOMMANDS } from './revision-subcommands';
import type { Subcommand } from './subcommand';
import { TRACKING_DOCS_SUBCOMMANDS } from './tracking-docs-subcommands';

export type { CommandContext, Subcommand } from './subcommand';

/** Every `/kfrelease` subcommand, in the order help lists them. */
export const SUBCOMMANDS: Subcommand[] = [
  ...RELEASE_SUBCOMMANDS,
  ...REVISION_SUBCOMMANDS,
  ...TRACKING_DOCS_SUBCOMMANDS,
  ...RC_SUBCOMMANDS,
  ...BLOCKER_SUBCOMMANDS,
  ...MEETING_SUBCOMMANDS,
  ...RELEASE_MANAGER_SUBCOMMANDS,
];
