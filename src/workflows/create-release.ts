import type { Clock } from '../clock';
import { pastDateWarnings } from '../domain/past-date-warnings';
import type { ReleaseTemplate } from '../domain/release-template';
import { computeTimeline, isValidTimeZone, validateStartDate, type Timeline } from '../domain/timeline';
import { parseVersion, type ParsedVersion } from '../domain/version';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { actorId, type Actor } from './actor';
import { code, md } from '../text/mrkdwn';
import { CREATE_RELEASE_USAGE } from './command-usages';

export const DEFAULT_TEMPLATE = 'handbook-17w';
export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * Splits the optional words after `<version> <start-date>` into a template and a time zone, in
 * either order: a time zone has a slash (Europe/Berlin) or is UTC; any other word is a template.
 */
export function templateAndZone(words: string[]): { template?: string; timeZone?: string } {
  const isZone = (word: string) => word.includes('/') || /^(UTC|GMT)$/i.test(word);
  const zones = words.filter(isZone);
  const templates = words.filter((word) => !isZone(word));
  if (zones.length > 1 || templates.length > 1) {
    throw new UserError(
      'bad_argument',
      md`Give at most one template and one time zone, not ${words.join(' and ')}.`,
      md`Usage: ${CREATE_RELEASE_USAGE}`,
    );
  }
  return { template: templates[0], timeZone: zones[0] };
}

export interface CreateReleaseInput {
  version: string;
  /** The first day of week 1, YYYY-MM-DD, on any weekday: every cycle week starts on that weekday. */
  startDate: string;
  template?: string;
  timeZone?: string;
  /** The Slack channel the release team works in. */
  channel: string | null;
  actor: Actor;
  /**
   * Whether the person confirmed dates in the past (`--yes`, or *Create anyway*). False: such a
   * release is refused with UnconfirmedPastDates and nothing is written; absent: not asked (the
   * sandbox's demo release, a test's world).
   */
  confirmedPastDates?: boolean;
}

/** The arguments of a release create, as read: what a confirmation creates again. */
export interface CreateReleaseRequest {
  version: string;
  startDate: string;
  template: string;
  timeZone: string;
}

/**
 * A release with its start date or release day in the past, not created until the person who
 * asked confirms: the usual cause is a mistyped year.
 */
export class UnconfirmedPastDates extends UserError {
  constructor(
    readonly warnings: string[],
    readonly request: CreateReleaseRequest,
  ) {
    super('unconfirmed', md`${warnings.join('\n')}`, md`Nothing was created.`);
    this.name = 'UnconfirmedPastDates';
  }
}

export interface CreateReleaseDeps {
  store: Store;
  clock: Clock;
  templates: Map<string, ReleaseTemplate>;
  admins: string[];
}

/**
 * Creates a release and records its timeline as the first plan. Only admins may (the command line
 * is trusted). Every problem with the arguments is reported at once and nothing is written.
 */
export function createRelease(
  deps: CreateReleaseDeps,
  input: CreateReleaseInput,
): { release: ReleaseRow; timeline: Timeline; notes: string[] } {
  const { store, clock, templates, admins } = deps;
  if (input.actor.kind === 'slack' && !admins.includes(input.actor.userId)) {
    throw new UserError(
      'forbidden',
      md`Only kfrelease admins can create a release.`,
      md`Ask one of the admins listed in KFRELEASE_ADMINS (the person who runs kfrelease knows who they are).`,
    );
  }
  const problems: string[] = [];
  // The channel a release is created in becomes its channel: a direct message cannot be one.
  if (input.actor.kind === 'slack' && !/^[CG][A-Z0-9]{2,}$/.test(input.channel ?? '')) {
    problems.push(
      'Create the release in the channel the release team works in: it becomes the release channel, and a direct message cannot be one.',
    );
  }
  const templateKey = input.template ?? DEFAULT_TEMPLATE;
  const template = templates.get(templateKey);
  if (!template)
    problems.push(`There is no template "${templateKey}". Templates: ${[...templates.keys()].join(', ')}.`);
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    problems.push(
      `"${timeZone}" is not a time zone. Use an IANA name such as Europe/Berlin, America/Los_Angeles or UTC.`,
    );
  }
  const dateProblem = validateStartDate(input.startDate, isValidTimeZone(timeZone) ? timeZone : 'UTC');
  if (dateProblem) problems.push(dateProblem);
  const version = checkReleaseVersion(input.version, template, problems);
  if (version && store.releases.findByVersion(version.canonical)) {
    problems.push(
      `Release ${version.canonical} already exists. See it with /kfrelease status ${version.canonical}.`,
    );
  }
  if (problems.length > 0 || !template || !version) {
    throw new UserError('bad_argument', md`${problems.join('\n')}`, md`Usage: ${code(CREATE_RELEASE_USAGE)}`);
  }

  const timeline = computeTimeline({ template, version, startDate: input.startDate, zone: timeZone });
  if (input.confirmedPastDates === false) {
    const warnings = pastDateWarnings(timeline, clock.now().setZone(timeZone).toISODate() ?? '');
    if (warnings.length > 0) {
      const request = {
        version: version.canonical,
        startDate: input.startDate,
        template: template.key,
        timeZone,
      };
      throw new UnconfirmedPastDates(warnings, request);
    }
  }
  const at = clock.now().toISO() ?? '';
  const by = actorId(input.actor);
  const release = store.transaction(() => {
    const id = store.releases.insert({
      version: version.canonical,
      template: template.key,
      timeZone,
      startDate: input.startDate,
      slackChannel: input.channel,
      createdAt: at,
      createdBy: by,
    });
    store.releases.addPlan(id, timeline, { reason: 'First plan', createdAt: at, createdBy: by });
    store.audit.record({
      at,
      actor: by,
      releaseId: id,
      action: 'release.created',
      details: { version: version.canonical, template: template.key, timeZone, startDate: input.startDate },
    });
    return store.releases.findByVersion(version.canonical);
  });
  if (!release) throw new Error(`release ${version.canonical} vanished after insert`);
  return { release, timeline, notes: version.notes };
}

/** A version a release can be created with under `template`; else null with the problem pushed. */
export function checkReleaseVersion(
  raw: string,
  template: ReleaseTemplate | undefined,
  problems: string[],
): ParsedVersion | null {
  const parsed = parseVersion(raw);
  if (!parsed.ok) {
    problems.push(parsed.error);
    return null;
  }
  const version = parsed.version;
  if (version.rc !== null) {
    problems.push(
      `${version.canonical} is a release candidate; create the release with its final version, e.g. ${version.canonical.replace(/-rc\.\d+$/, '')}.`,
    );
    return null;
  }
  if (template && template.versionScheme !== version.scheme) {
    const example = template.versionScheme === 'calver' ? '26.03' : 'v1.10.0';
    problems.push(
      `Template ${template.key} uses ${template.versionScheme} versions like ${example}, but ${version.canonical} is ${version.scheme}.`,
    );
    return null;
  }
  if (version.scheme === 'semver' && version.patch === null) {
    problems.push(`Give the full version with its patch number, e.g. v${version.major}.${version.minor}.0.`);
    return null;
  }
  return version;
}
