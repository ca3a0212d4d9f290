import type { ReleaseStatus } from '../workflows/release-status';
import type { ReleaseTimelineView } from '../workflows/release-timeline';

/** Plain-text status for a terminal. */
export function formatStatusText(status: ReleaseStatus): string {
  const phases =
    status.phases.map((p) => `${p.name} (until ${p.endsOn})`).join(' + ') ||
    (status.outside === 'before' ? 'not started' : 'finished');
  const next = status.nextMilestone;
  const names = (people: { name: string }[]) => people.map((p) => p.name).join(', ') || '-';
  return [
    `Kubeflow ${status.version} (${status.template}, ${status.timeZone}), today ${status.today}`,
    `Phase:     ${phases}`,
    `Week:      ${status.week} of ${status.releaseWeek}`,
    `Next:      ${next ? `${next.name} on ${next.dueOn} (${next.daysLeft} days)${next.slipDays ? `, ${next.slipDays} days off the first plan` : ''}` : 'no milestones left'}`,
    `Release:   ${status.release ? `${status.release.dueOn} (${status.release.daysLeft} days)` : '-'}`,
    `Manager:   ${names(status.team.releaseManagers)}`,
    `Docs lead: ${names(status.team.docsLeads)}${status.team.docsLeadImplied ? ' (as Release Manager)' : ''}`,
    `Liaisons:  ${status.team.liaisonsCovering} of ${status.team.workingGroups} working groups covered`,
  ].join('\n');
}

/** Plain-text timeline for a terminal: planned against current dates. */
export function formatTimelineText(view: ReleaseTimelineView): string {
  const slip = (days: number, planned: string) =>
    days ? `   (first plan ${planned}, ${days > 0 ? '+' : ''}${days} days)` : '';
  return [
    `Kubeflow ${view.version}: plan ${view.planRevision}, dates in ${view.timeZone}`,
    'Phases:',
    ...view.phases.map(
      (p) => `  ${p.current.startsOn} .. ${p.current.endsOn}  ${p.name}${slip(p.slipDays, p.planned.endsOn)}`,
    ),
    'Milestones:',
    ...view.milestones.map(
      (m) =>
        `  ${m.current.startsOn}  ${m.name}${m.artifact ? ` [${m.artifact}]` : ''}${m.optional ? ' (optional)' : ''}${slip(m.slipDays, m.planned.startsOn)}`,
    ),
  ].join('\n');
}
