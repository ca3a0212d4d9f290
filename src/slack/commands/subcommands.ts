import { AFTER_RELEASE_SUBCOMMANDS } from './after-release-subcommands';
import { BLOCKER_SUBCOMMANDS } from './blocker-subcommands';
import { DEPENDENCY_SUBCOMMANDS } from './dependency-subcommands';
import { MANIFESTS_SUBCOMMANDS } from './manifests-subcommands';
import { MEETING_SUBCOMMANDS } from './meeting-subcommands';
import { RC_SUBCOMMANDS } from './rc-subcommands';
import { RELEASE_MANAGER_SUBCOMMANDS } from './release-manager-subcommands';
import { RELEASE_SUBCOMMANDS } from './release-subcommands';
import { REVISION_SUBCOMMANDS } from './revision-subcommands';
import type { Subcommand } from './subcommand';
import { TRACKING_DOCS_SUBCOMMANDS } from './tracking-docs-subcommands';
import { FEATURE_SUBCOMMANDS } from './feature-subcommands';

export type { CommandContext, Subcommand } from './subcommand';

/**
 * The subcommands by area, in the order help lists them. A new subcommand gets its definition in
 * its area's `*-subcommands.ts` (loaded at start) and its handler, under the same name, in the
 * area's `*-subcommand-handlers.ts` (loaded when one of the area's commands first runs); the
 * compiler refuses one without the other.
 */
export const SUBCOMMAND_GROUPS: { title: string; subcommands: Subcommand[] }[] = [
  { title: 'The release at a glance', subcommands: RELEASE_SUBCOMMANDS },
  { title: 'Git revisions of the working groups', subcommands: REVISION_SUBCOMMANDS },
  { title: 'Expected versions and dependency ranges', subcommands: DEPENDENCY_SUBCOMMANDS },
  { title: 'Manifests sync pull requests', subcommands: MANIFESTS_SUBCOMMANDS },
  { title: 'Blocking issues', subcommands: BLOCKER_SUBCOMMANDS },
  { title: 'RC tags and distribution sign-offs', subcommands: RC_SUBCOMMANDS },
  { title: 'Meetings, agenda, note-takers and reminders', subcommands: MEETING_SUBCOMMANDS },
  { title: 'Release manager: plan, phases, re-plans, decisions', subcommands: RELEASE_MANAGER_SUBCOMMANDS },
  {
    title: 'After release day: patch releases, retrospective, hand-over',
    subcommands: AFTER_RELEASE_SUBCOMMANDS,
  },
  { title: 'Tracking issue, documentation, announcement', subcommands: TRACKING_DOCS_SUBCOMMANDS },
  { title: 'Features of the release and release notes', subcommands: FEATURE_SUBCOMMANDS },
];

/** Every `/kfrelease` subcommand. */
export const SUBCOMMANDS: Subcommand[] = SUBCOMMAND_GROUPS.flatMap((g) => g.subcommands);
