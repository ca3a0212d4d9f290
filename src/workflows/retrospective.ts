import { DateTime } from 'luxon';
import { escapeMarkdown } from '../text/github-markdown';
import type { Clock } from '../clock';
import {
  blockerAges,
  lateRevisions,
  milestoneSlips,
  notesByPhase,
  plannedRcs,
  type RetroFigures,
  type RetroNote,
} from '../domain/retro-figures';
import { localDate } from '../domain/timeline';
import type { PhaseTransition } from '../db/phase-control-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { actorId, type Actor } from './actor';
import { getComponentVersions } from './component-versions';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { releasePosition } from './phase-control';
import { rcStatus } from './rc-status';
import { md } from '../text/mrkdwn';
import { currentPlan } from './current-plan';

type Deps = { store: Store; clock: Clock };

/**
 * Writes down a retrospective note when it happens, at any time in the cycle, tagged with the
 * phase the release is in. Anyone may: the handbook wants everyone to chime in.
 */
export function addRetroNote(
  deps: Deps,
  input: { actor: Actor; note: string; version?: string },
): { version: string; phase: string; count: number } {
  const { store, clock } = deps;
  const note = input.note.trim();
  if (note.length < 3) {
    throw new UserError(
      'bad_argument',
      md`Write the note after \`retro\`: what went well, or what could be better.`,
      md`For example \`/kfrelease retro The rc.1 reminder came too late for the Training WG\`.`,
    );
  }
  if (note.length > 2000) throw new UserError('bad_argument', md`Keep a note under 2,000 characters.`);
  const release = findRelease(deps, input.version);
  requireLive(release);
  const phase = releasePosition(deps, release).position.current;
  const at = clock.now().toISO() ?? '';
  store.retroNotes.add(release.id, { phase: phase.key, note, author: actorId(input.actor), at });
  return {
    version: release.version,
    phase: phase.name,
    count: store.retroNotes.forRelease(release.id).length,
  };
}

/** The retrospective document: notes by phase, and the cycle in numbers. */
export interface RetrospectiveView {
  version: string;
  timeZone: string;
  sections: { phase: string; name: string; notes: RetroNote[] }[];
  figures: RetroFigures;
  advances: PhaseTransition[];
  patchReleases: string[];
  /** Names of the people who wrote notes, by Slack user ID, where the team knows them. */
  names: Record<string, string>;
  /** Set while release day is still ahead: the notes so far, and the figures as they stand. */
  releaseDayAhead: string | null;
}

/**
 * Compiles the retrospective of a release, any time (before release day the figures are as they
 * stand): the notes grouped by phase, with
 * the slip of each milestone against the first plan, the working groups whose revisions came after
 * the first day of Feature Freeze, the age of the blocking issues at release, and how many RCs
 * there were (the tags found, else the plan's).
 */
export function compileRetrospective(deps: Deps, version?: string): RetrospectiveView {
  const { store, clock } = deps;
  const release = findRelease(deps, version);
  const latest = currentPlan(store, release);
  const first = { timeline: latest.first };
  const zone = release.timeZone;
  const today = localDate(clock.now(), zone);
  const timeline = latest.timeline;
  const releaseOn =
    timeline.milestones.find((m) => m.key === 'release')?.dueOn ??
    timeline.phases.find((p) => p.key === 'release_day')?.startsOn ??
    null;
  const releaseDayAhead = releaseOn && releaseOn > today ? releaseOn : null;
  const dateOf = (iso: string) => localDate(DateTime.fromISO(iso, { zone: 'utc' }), zone);
  const freezeStartsOn = timeline.phases.find((p) => p.key === 'feature_freeze')?.startsOn ?? null;
  const groups = getComponentVersions(deps, release.version).groups.map((g) => g.wg);
  const submissions = store.revisions
    .forRelease(release.id)
    .map((r) => ({ wg: r.wg, submittedOn: dateOf(r.submittedAt) }));
  const blocking = store.blockers
    .forRelease(release.id)
    .filter((b) => b.decision === 'release_blocking' || (b.decision === 'none' && b.blocksRelease));
  const rcs = rcStatus(deps, release.version);
  const foundRcs = rcs.artifacts.filter((a) => a.key.startsWith('rc.') && a.state === 'found');
  const planned = plannedRcs(timeline);
  return {
    version: release.version,
    timeZone: zone,
    sections: notesByPhase(store.retroNotes.forRelease(release.id), timeline.phases),
    figures: {
      releaseOn,
      plans: store.releases.planCount(release.id),
      milestoneSlips: milestoneSlips(first.timeline, timeline),
      freezeStartsOn,
      lateRevisions: freezeStartsOn ? lateRevisions(freezeStartsOn, submissions, groups) : [],
      blockers: blockerAges(
        releaseOn ?? today,
        blocking.map((b) => ({
          ref: `${b.owner}/${b.repo}#${b.number}`,
          openedOn: dateOf(b.submittedAt),
          closedOn: b.state === 'open' ? null : dateOf(b.githubUpdatedAt),
        })),
      ),
      rcs:
        rcs.lastCheck && foundRcs.length > 0
          ? {
              source: 'tags',
              count: foundRcs.length,
              names: foundRcs.map((a) => a.found?.normalized ?? a.key),
            }
          : { source: 'plan', count: planned.count, optional: planned.optional },
    },
    advances: store.phaseControl.transitions(release.id),
    patchReleases: store.patchReleases.forRelease(release.id).map((p) => p.version),
    names: Object.fromEntries(
      store.team.assignments(release.id).flatMap((a) => (a.slackId ? [[a.slackId, a.name]] : [])),
    ),
    releaseDayAhead,
  };
}

const signed = (days: number) => (days > 0 ? `+${days}` : `${days}`);

/** The retrospective as Markdown, to paste into the shared retrospective document. */
export function retrospectiveMarkdown(view: RetrospectiveView): string {
  const f = view.figures;
  const lines = [`# Kubeflow ${view.version}: release retrospective`, '', '## The cycle in numbers', ''];
  lines.push(
    `- Release day: ${f.releaseOn ?? 'not planned'}; ${f.plans} plan${f.plans === 1 ? '' : 's'} (the first and ${f.plans - 1} re-plan${f.plans === 2 ? '' : 's'})`,
  );
  lines.push('- Slip of each milestone against the first plan (days):');
  for (const s of f.milestoneSlips)
    lines.push(`  - ${s.name}: ${s.firstDate} → ${s.finalDate} (${signed(s.slipDays)})`);
  const late = f.lateRevisions;
  lines.push(
    `- Revisions after the first day of Feature Freeze (${f.freezeStartsOn ?? '-'}): ${late.length === 0 ? 'none' : late.map((r) => (r.daysLate === null ? `${r.wg} (never)` : `${r.wg} (${r.daysLate} days late)`)).join(', ')}`,
  );
  lines.push(
    `- Blocking issues at release: ${f.blockers === null || f.blockers.length === 0 ? 'none tracked' : f.blockers.map((b) => `${b.ref} ${b.ageDays} days${b.openAtRelease ? ' (still open)' : ''}`).join(', ')}`,
  );
  lines.push(
    f.rcs.source === 'tags'
      ? `- Release candidates: ${f.rcs.count} tagged (${f.rcs.names.join(', ')})`
      : `- Release candidates: ${f.rcs.count} planned${f.rcs.optional ? ` (${f.rcs.optional} optional)` : ''}; no RC tags were found`,
  );
  const early = view.advances.filter((a) => a.daysEarly > 0 || a.unmet.length > 0);
  if (early.length > 0) {
    lines.push(
      `- Phases moved on by the release manager: ${early.map((a) => `${a.toPhase} on ${a.onDate}${a.unmet.length ? ` (${a.unmet.length} unmet)` : ''}`).join(', ')}`,
    );
  }
  if (view.patchReleases.length > 0) lines.push(`- Patch releases: ${view.patchReleases.join(', ')}`);
  lines.push('', '## Notes by phase');
  if (view.sections.length === 0) lines.push('', '_No notes yet: add them with `/kfrelease retro <note>`._');
  for (const section of view.sections) {
    lines.push('', `### ${escapeMarkdown(section.name)}`, '');
    for (const n of section.notes) {
      const author = n.author.startsWith('cli:') ? n.author.slice(4) : (view.names[n.author] ?? n.author);
      // Notes are what people typed: they may make no link, image or mention in the document.
      lines.push(`- ${escapeMarkdown(n.note)} (${escapeMarkdown(author)}, ${n.at.slice(0, 10)})`);
    }
  }
  return lines.join('\n');
}
