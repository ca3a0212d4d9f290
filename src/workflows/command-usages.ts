/**
 * Usage lines of the commands whose workflows read their own words, and so name the usage in their
 * messages. Kept apart from those workflows so that `/kfrelease help` and the command reference
 * can show them without loading the workflows.
 */

export const CREATE_RELEASE_USAGE =
  '/kfrelease release create <version> <start-date> [template] [time-zone], e.g. /kfrelease release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin';
export const PLAN_RELEASE_USAGE =
  '/kfrelease release plan <version> <start-date> [template] [time-zone], e.g. /kfrelease release plan v1.11.0 2026-07-06 handbook-17w Europe/Berlin';
export const DELAY_USAGE =
  '/kfrelease delay <milestone> <new-date> <reason>, e.g. /kfrelease delay rc.1 2026-05-29 Pipelines needs a week for the backend fix';
export const ACCEPT_USAGE = '/kfrelease revision accept <owner/repo> <revision> <reason>';
export const SKIP_USAGE = '/kfrelease component skip <component or owner/repo> <reason>';
export const SHIP_USAGE = '/kfrelease component ship <component or owner/repo>';
export const MEETING_SET_USAGE =
  '/kfrelease meeting set <weekday> <HH:MM> [time-zone] [#channel] [agenda-hours] [notes-url], or key=value: day= time= zone= channel= agenda= notes=';
export const REMINDERS_SET_USAGE =
  '/kfrelease reminders set [offsets=7d,1d,0d] [at=09:00] [quiet=20:00-08:00]';
export const ACTION_ADD_USAGE = '/kfrelease action add <text> [@owner]';
export const PATCH_ADD_USAGE =
  '/kfrelease patch add <version> <owner/repo#N or PR URL> <bug|security|docs> [note], e.g. /kfrelease patch add v1.10.1 kubeflow/pipelines#11234 bug fixes the run list';
