/** Someone who can take the notes of a release team meeting. */
export interface RotationMember {
  github: string;
  name: string;
  slackId: string | null;
}

/** An inclusive range of calendar dates a person is away. */
export interface AwayPeriod {
  github: string;
  fromOn: string;
  toOn: string;
}

export interface NoteTakerTurn {
  meetingOn: string;
  /** Null when every member is away that day (or there are no members). */
  member: RotationMember | null;
  /** True when a swap put this person here instead of the rotation's pick. */
  swapped: boolean;
}

/**
 * The release team members who rotate: liaisons (team_member, not shadows), once each however many
 * working groups they cover, in a stable order (GitHub login, case-insensitive).
 */
export function rotationMembers(
  assignments: { github: string; name: string; slackId: string | null; role: string; shadow: boolean }[],
): RotationMember[] {
  const byLogin = new Map<string, RotationMember>();
  for (const a of assignments) {
    if (a.role !== 'team_member' || a.shadow) continue;
    const key = a.github.toLowerCase();
    if (!byLogin.has(key)) byLogin.set(key, { github: a.github, name: a.name, slackId: a.slackId });
  }
  return [...byLogin.values()].sort((a, b) => a.github.toLowerCase().localeCompare(b.github.toLowerCase()));
}

function isAway(away: AwayPeriod[], github: string, date: string): boolean {
  const login = github.toLowerCase();
  return away.some((p) => p.github.toLowerCase() === login && p.fromOn <= date && date <= p.toOn);
}

/**
 * Who takes the notes at each meeting: a fair round-robin. Each meeting goes to the member present
 * that day with the fewest turns so far, then the one whose last turn is longest ago, then the
 * first by login; so with nobody away it is plain round-robin by login, and someone skipped while
 * away is first in line when back. Overrides (from swaps) are laid over that rotation afterwards,
 * so a swap exchanges two turns and moves nobody else; an override whose person is away or no
 * longer in the rotation is ignored.
 */
export function assignNoteTakers(params: {
  members: RotationMember[];
  meetingDates: string[];
  away: AwayPeriod[];
  overrides: Map<string, string>;
}): NoteTakerTurn[] {
  const { members, meetingDates, away, overrides } = params;
  const turns = new Map<string, number>();
  const lastTurn = new Map<string, number>();
  const key = (m: RotationMember) => m.github.toLowerCase();
  return meetingDates.map((meetingOn, index) => {
    const present = members.filter((m) => !isAway(away, m.github, meetingOn));
    const pick = present.reduce<RotationMember | null>((best, m) => {
      if (best === null) return m;
      const [mt, bt] = [turns.get(key(m)) ?? 0, turns.get(key(best)) ?? 0];
      if (mt !== bt) return mt < bt ? m : best;
      const [ml, bl] = [lastTurn.get(key(m)) ?? -1, lastTurn.get(key(best)) ?? -1];
      return ml < bl ? m : best;
    }, null);
    if (pick) {
      turns.set(key(pick), (turns.get(key(pick)) ?? 0) + 1);
      lastTurn.set(key(pick), index);
    }
    const wanted = overrides.get(meetingOn)?.toLowerCase();
    const override = wanted ? present.find((m) => key(m) === wanted) : undefined;
    return { meetingOn, member: override ?? pick, swapped: override !== undefined && override !== pick };
  });
}

export type SwapPlan =
  { ok: true; overrides: { meetingOn: string; github: string }[] } | { ok: false; problem: string };

/**
 * A swap between `from` and `to`: `to` takes `from`'s next turn on or after `today`, and `from`
 * takes `to`'s next turn after that (or none when `to` has no turn yet in the series).
 */
export function planSwap(params: {
  turns: NoteTakerTurn[];
  away: AwayPeriod[];
  from: RotationMember;
  to: RotationMember;
  today: string;
}): SwapPlan {
  const { turns, away, from, to, today } = params;
  const upcoming = turns.filter((t) => t.meetingOn >= today);
  const same = (m: RotationMember | null, other: RotationMember) =>
    m !== null && m.github.toLowerCase() === other.github.toLowerCase();
  const mine = upcoming.find((t) => same(t.member, from));
  if (!mine) return { ok: false, problem: `${from.name} has no upcoming note-taking turn to swap.` };
  if (isAway(away, to.github, mine.meetingOn)) {
    return { ok: false, problem: `${to.name} is away on ${mine.meetingOn}, the date of the turn.` };
  }
  const theirs = upcoming.find((t) => t.meetingOn !== mine.meetingOn && same(t.member, to));
  if (theirs && isAway(away, from.github, theirs.meetingOn)) {
    return {
      ok: false,
      problem: `${from.name} is away on ${theirs.meetingOn}, the date of ${to.name}'s turn.`,
    };
  }
  return {
    ok: true,
    overrides: [
      { meetingOn: mine.meetingOn, github: to.github },
      ...(theirs ? [{ meetingOn: theirs.meetingOn, github: from.github }] : []),
    ],
  };
}
