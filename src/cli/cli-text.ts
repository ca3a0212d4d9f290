import { isSkipped, weekLabel } from '../domain/timeline';
import type { ComponentVersion, ComponentVersionsView } from '../workflows/component-versions';
import type { ReleaseStatus } from '../workflows/release-status';
import type { ReleaseTimelineView } from '../workflows/release-timeline';

/** Plain-text status for a terminal. */
export function formatStatusText(status: ReleaseStatus): string {
  const phases =
    status.phases.map((p) => `${p.name} (until ${p.endsOn})`).join(' + ') ||
    (status.outside === 'before' ? 'not started' : 'finished');
  const next = status.nextMilestone;
  const days = (n: number) => (n >= 0 ? `in ${n} days` : `${-n} days ago`);
  const week = weekLabel(status.week, status.releaseWeek);
  const names = (people: { name: string }[]) => people.map((p) => p.name).join(', ') || '-';
  return [
    `Kubeflow ${status.version} (${status.template}, ${status.timeZone}), today ${status.today}`,
    `Phase:     ${phases}`,
    `Week:      ${week}`,
    `Next:      ${next ? `${next.name}${next.artifact ? ` [${next.artifact}]` : ''} on ${next.dueOn} (${days(next.daysLeft)})${next.slipDays ? `, ${next.slipDays} days off the first plan` : ''}` : 'no milestones left'}`,
    `Release:   ${releaseText(status.release, days)}`,
    `Manager:   ${names(status.team.releaseManagers)}`,
    `Docs lead: ${names(status.team.docsLeads)}${status.team.docsLeadImplied ? ' (as Release Manager)' : ''}`,
    `Liaisons:  ${status.team.liaisonsCovering} of ${status.team.workingGroups} working groups covered`,
    `Revisions: ${status.revisions.complete} of ${status.revisions.total} working groups complete${status.revisions.missing.length ? ` (missing: ${status.revisions.missing.join(', ')})` : ''}${status.revisions.notShipping.length ? ` (not shipping this cycle: ${status.revisions.notShipping.join(', ')})` : ''}`,
    `Blockers:  ${
      status.blockers
        .filter((b) => b.open > 0)
        .map((b) => `${b.wg} ${b.releaseBlocking}/${b.open} release-blocking`)
        .join(', ') || 'none open'
    }`,
    `RC tags:   ${status.rcs.replace(/^RC tags: /, '')}`,
    status.signoffs,
    ...(status.dependencies ? [status.dependencies] : []),
    ...(status.state === 'live'
      ? []
      : [
          `State:     ${status.state}${status.closed ? ` on ${status.closed.at.slice(0, 10)}` : ''}${status.closed?.reason ? ` (${status.closed.reason})` : ''}`,
        ]),
  ].join('\n');
}

function releaseText(release: ReleaseStatus['release'], days: (n: number) => string): string {
  if (!release) return '-';
  if (!release.done) return `${release.dueOn} (${days(release.daysLeft)})`;
  const how = release.done.source === 'tag' ? `tag ${release.done.ref ?? ''}`.trim() : 'recorded by hand';
  return `shipped ${release.done.doneOn} (${how}${release.slipDays ? `, ${release.slipDays > 0 ? '+' : ''}${release.slipDays} days off the first plan` : ''})`;
}

/** Plain-text timeline for a terminal: planned against current dates. */
export function formatTimelineText(view: ReleaseTimelineView): string {
  const slip = (days: number, planned: string) =>
    days ? `   (first plan ${planned}, ${days > 0 ? '+' : ''}${days} days)` : '';
  return [
    `Kubeflow ${view.version}: plan ${view.planRevision}, dates in ${view.timeZone}`,
    'Phases:',
    ...view.phases.map(
      (p) =>
        `  ${p.current.startsOn} .. ${isSkipped(p.current) ? '(skipped) ' : p.current.endsOn}  ${p.name}${slip(p.slipDays, p.planned.endsOn)}`,
    ),
    'Milestones:',
    ...view.milestones.map(
      (m) =>
        `  ${m.current.startsOn}  ${m.name}${m.artifact ? ` [${m.artifact}]` : ''}${m.optional ? ' (optional)' : ''}${slip(m.slipDays, m.planned.startsOn)}`,
    ),
  ].join('\n');
}

/** Plain-text versions table for a terminal. */
export function formatVersionsText(view: ComponentVersionsView): string {
  const lines = [
    `Kubeflow ${view.version}: component versions${view.missing.length ? ` (missing: ${view.missing.join(', ')})` : ''}`,
  ];
  const shipped = (c: ComponentVersion) =>
    c.notShipping
      ? `not shipping this cycle: ${c.notShipping.reason}`
      : c.accepted
        ? `${c.accepted.revision} ${c.accepted.commitSha?.slice(0, 12) ?? ''}${c.accepted.rc ? ' (release candidate)' : ''}`
        : '-';
  for (const group of view.groups) {
    lines.push(`${group.wg}:`);
    for (const c of group.components) {
      const waiting = c.waiting ? ` (${c.waiting.revision} ${c.waiting.status.replace('_', ' ')})` : '';
      lines.push(`  ${c.component.padEnd(28)} ${c.repo.padEnd(30)} ${shipped(c)}${waiting}`);
    }
  }
  return lines.join('\n');
}
