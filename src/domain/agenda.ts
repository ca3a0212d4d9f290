import { DateTime } from 'luxon';
import { daysUntil, weekLabel } from './timeline';

export interface PersonRef {
  name: string;
  slackId: string | null;
}

/** Open and at-risk blocking issues of one working group (from the blockers list). */
export interface BlockerFacts {
  wg: string;
  open: number;
  atRisk: number;
  /** One line per issue worth naming, e.g. "kubeflow/pipelines#123 (at risk): title". */
  items: string[];
}

/** Everything an agenda says, gathered from live state for one meeting. Plain data. */
export interface AgendaFacts {
  version: string;
  meetingOn: string;
  /** ISO timestamp with the meeting zone's offset. */
  meetingAt: string;
  meetingZone: string;
  notesUrl: string | null;
  /** Cycle week of the meeting date; 0 and below are the weeks before week 1. */
  week: number;
  releaseWeek: number;
  phases: { key: string; name: string; endsOn: string }[];
  /** The next few milestones due on or after the meeting date. */
  nextMilestones: {
    name: string;
    dueOn: string;
    owner: string;
    artifact: string | null;
    optional: boolean;
  }[];
  /** Working groups still owing a revision, with those repositories: "Pipelines (kubeflow/kfp-tekton)"; null before Feature Freeze. */
  missingRevisions: string[] | null;
  /** Components the release manager marked as not shipping this cycle: "Kubeflow Tekton Pipelines (Pipelines)". */
  notShipping?: string[];
  /** Optional sections: absent when their source is not available. */
  blockers?: BlockerFacts[];
  missingRcTags?: { artifact: string; dueOn: string; owner: string }[];
  /** Shown during distribution testing only. */
  signoffs?: { distribution: string; state: string; people: PersonRef[] }[];
  /** From Feature Freeze on: working groups that have not declared, dependencies whose ranges conflict. */
  dependencyDeclarations?: { missing: string[]; conflicts: string[] };
  /** From Feature Freeze on: features at risk per working group, one line each ("#3 Title (kept)"). */
  featuresAtRisk?: { wg: string; items: string[] }[];
  /** Phases that ended since the previous meeting with required criteria still unmet. */
  phaseEnds?: {
    phase: string;
    endedOn: string;
    unmet: { id: string; title: string }[];
    decided: { how: 'moved_on' | 'advanced_early'; by: PersonRef; reason: string } | null;
  }[];
  /** Open items, and the ones closed since the previous meeting. */
  actionItems: { id: number; text: string; owner: PersonRef | null; done: boolean }[];
  noteTaker: PersonRef | null;
  /** The handbook's standing items for the phases the meeting falls in. */
  standingItems: { phase: string; items: string[] }[];
}

export interface AgendaLine {
  text: string;
  /** People the line names; the renderer mentions them. */
  people?: PersonRef[];
  done?: boolean;
}

export interface AgendaSection {
  title: string;
  lines: AgendaLine[];
  /** The command that shows all of it, when a long section cannot be shown whole. */
  seeAll?: string;
}

/** An agenda as sections of lines, ready to render for Slack or a terminal. */
export interface Agenda {
  title: string;
  /** One line: the notification text. */
  summary: string;
  sections: AgendaSection[];
  noteTaker: PersonRef | null;
  notesUrl: string | null;
}

const formatDate = (date: string) => DateTime.fromISO(date, { zone: 'utc' }).toFormat('ccc d LLL');

/** Days from the meeting to a date, as the meeting hears it. */
function countdown(days: number): string {
  if (days === 0) return 'on the meeting day';
  if (days === 1) return 'the day after the meeting';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

function whereWeAre(facts: AgendaFacts): AgendaSection {
  const week = weekLabel(facts.week, facts.releaseWeek);
  const phases = facts.phases.map((p) => `${p.name} (until ${formatDate(p.endsOn)})`).join(' and ');
  return { title: 'Where we are', lines: [{ text: phases ? `${week} · ${phases}` : week }] };
}

function comingUp(facts: AgendaFacts): AgendaSection {
  const lines = facts.nextMilestones.map((m) => ({
    text: `${m.name}${m.artifact ? ` (${m.artifact})` : ''}: ${formatDate(m.dueOn)}, ${countdown(daysUntil(facts.meetingOn, m.dueOn))} · ${m.owner}${m.optional ? ' · optional' : ''}`,
  }));
  return {
    title: 'Coming up',
    lines: lines.length > 0 ? lines : [{ text: 'No milestones left.' }],
    seeAll: '/kfrelease timeline',
  };
}

function optionalSections(facts: AgendaFacts): AgendaSection[] {
  const sections: AgendaSection[] = [];
  if (facts.missingRevisions !== null) {
    const missing = facts.missingRevisions;
    sections.push({
      title: 'Git revisions',
      seeAll: '/kfrelease versions',
      lines: [
        missing.length > 0
          ? { text: `No accepted revision yet from: ${missing.join(', ')}` }
          : { text: 'Every working group has an accepted revision.' },
        ...(facts.notShipping && facts.notShipping.length > 0
          ? [{ text: `Not shipping this cycle: ${facts.notShipping.join(', ')}` }]
          : []),
      ],
    });
  }
  if (facts.blockers) {
    const open = facts.blockers.filter((b) => b.open > 0 || b.atRisk > 0);
    sections.push({
      title: 'Blocking issues',
      seeAll: '/kfrelease blockers',
      lines:
        open.length > 0
          ? open.flatMap((b) => [
              { text: `${b.wg}: ${b.open} open, ${b.atRisk} at risk` },
              ...b.items.map((item) => ({ text: `    ${item}` })),
            ])
          : [{ text: 'No open blocking issues.' }],
    });
  }
  if (facts.missingRcTags && facts.missingRcTags.length > 0) {
    sections.push({
      title: 'Missing RC tags',
      seeAll: '/kfrelease rcs',
      lines: facts.missingRcTags.map((t) => ({
        text: `${t.artifact}, due ${formatDate(t.dueOn)} · ${t.owner}`,
      })),
    });
  }
  const distributionTesting = facts.phases.some((p) => p.key === 'distribution_testing');
  if (facts.signoffs && distributionTesting) {
    sections.push({
      title: 'Distribution sign-offs',
      seeAll: '/kfrelease signoffs',
      lines: facts.signoffs.map((s) => ({ text: `${s.distribution}: ${s.state}`, people: s.people })),
    });
  }
  if (facts.featuresAtRisk && facts.featuresAtRisk.length > 0) {
    sections.push({
      title: 'Features at risk: land, keep or punt',
      seeAll: '/kfrelease features',
      lines: facts.featuresAtRisk.flatMap((g) => [
        { text: `${g.wg}: ${g.items.length} at risk` },
        ...g.items.map((item) => ({ text: `    ${item}` })),
      ]),
    });
  }
  const declarations = facts.dependencyDeclarations;
  if (declarations) {
    const { missing, conflicts } = declarations;
    sections.push({
      title: 'Expected versions and dependency ranges',
      seeAll: '/kfrelease deps matrix',
      lines: [
        {
          text:
            missing.length > 0
              ? `Not declared yet by: ${missing.join(', ')}`
              : 'Every working group has declared.',
        },
        ...(conflicts.length > 0 ? [{ text: `Ranges that do not intersect: ${conflicts.join(', ')}` }] : []),
      ],
    });
  }
  return sections;
}

/** Each phase that ended with criteria unmet: the items still open, and what was decided. */
function phaseEndSections(facts: AgendaFacts): AgendaSection[] {
  return (facts.phaseEnds ?? []).map((end) => {
    const decided = end.decided
      ? [
          {
            text: `${end.decided.how === 'moved_on' ? 'Moved on' : 'Moved on early'} by the release manager${end.decided.reason ? `: ${end.decided.reason}` : ''}`,
            people: [end.decided.by],
          },
        ]
      : [{ text: 'Not decided yet: the release manager extends the phase or moves on.' }];
    return {
      title: `Unmet at the end of ${end.phase} (${formatDate(end.endedOn)})`,
      seeAll: '/kfrelease phase',
      lines: [...end.unmet.map((u) => ({ text: `${u.id}: ${u.title}` })), ...decided],
    };
  });
}

function actionItems(facts: AgendaFacts): AgendaSection {
  const lines = facts.actionItems.map((item) => ({
    text: `#${item.id} ${item.text}`,
    people: item.owner ? [item.owner] : undefined,
    done: item.done,
  }));
  return {
    title: 'Action items',
    lines: lines.length > 0 ? lines : [{ text: 'None open.' }],
    seeAll: '/kfrelease action',
  };
}

/**
 * The weekly agenda: where the release stands, what is due next, who owes what, the action items
 * of the previous meeting and the handbook's standing items for the phase. Optional sections
 * (blocking issues, RC tags, sign-offs) appear when their facts were gathered.
 */
export function buildAgenda(facts: AgendaFacts): Agenda {
  const when = DateTime.fromISO(facts.meetingAt, { setZone: true }).toFormat('ccc d LLL yyyy, HH:mm');
  const standing = facts.standingItems.map((s) => ({
    title: `Standing items: ${s.phase}`,
    lines: s.items.map((text) => ({ text })),
  }));
  return {
    title: `Release team meeting, Kubeflow ${facts.version}`,
    summary: `Agenda for the Kubeflow ${facts.version} release team meeting, ${when} ${facts.meetingZone}`,
    sections: [
      whereWeAre(facts),
      comingUp(facts),
      ...phaseEndSections(facts),
      ...optionalSections(facts),
      actionItems(facts),
      ...standing,
    ],
    noteTaker: facts.noteTaker,
    notesUrl: facts.notesUrl,
  };
}

/** The standing items configured for each of the given phases, plus those for every meeting. */
export function standingItemsFor(
  config: { always: string[]; phases: Partial<Record<string, string[]>> },
  phases: { key: string; name: string }[],
): { phase: string; items: string[] }[] {
  const byPhase = phases
    .map((p) => ({ phase: p.name, items: config.phases[p.key] ?? [] }))
    .filter((s) => s.items.length > 0);
  return [
    ...byPhase,
    ...(config.always.length > 0 ? [{ phase: 'every meeting', items: config.always }] : []),
  ];
}
