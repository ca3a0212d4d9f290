import { createHash } from 'node:crypto';
import { DOCS_STATUS_LABELS, type DocsItem } from './docs-items';
import type { TeamAssignment, TeamSummary } from './team';
import { escapeMarkdown, markdownCode, markdownLink } from '../text/github-markdown';
import { parseVersion } from './version';

/** A component with the revision that ships, as the versions table has it. */
export interface TrackedComponent {
  component: string;
  repo: string;
  accepted: { revision: string; version: string | null } | null;
  /** A newer revision waiting for validation or for the release manager. */
  waiting: { revision: string } | null;
  /** Set when the release manager marked it as not shipping this cycle. */
  notShipping?: { reason: string } | null;
}

/** Everything the tracking issue shows, gathered from the bot's state. */
export interface TrackingIssueData {
  version: string;
  timeZone: string;
  /** Today in the release's zone: milestones before it are ticked. */
  today: string;
  phases: { name: string; startsOn: string; endsOn: string }[];
  milestones: { name: string; dueOn: string; artifact: string | null; optional: boolean; owner: string }[];
  team: TeamSummary;
  /** Per working group, its components (the versions table). */
  components: { wg: string; components: TrackedComponent[] }[];
  docs: DocsItem[];
  /** GitHub logins of docs item owners, by Slack ID. */
  githubOf: Record<string, string>;
  /** Open blocking issues per working group; undefined when kfrelease does not track them. */
  blockers?: { wg: string; active: { title: string; url: string; releaseBlocking: boolean }[] }[];
  /** The manifests sync pull requests opened so far (kfrelease manifests pr), with their state. */
  manifestsPulls?: {
    component: string;
    upstreamRepo: string;
    revision: string;
    number: number;
    url: string;
    state: 'open' | 'closed' | 'merged';
  }[];
  /** Where each distribution stands on the current RC; undefined when sign-offs are not tracked. */
  signOffs?: {
    distribution: string;
    standing: 'thumbs_up' | 'blocked' | 'pending';
    current: { rcTag: string } | null;
    earlier: { rcTag: string } | null;
  }[];
}

const HANDBOOK = 'https://github.com/kubeflow/community/blob/master/releases/handbook.md';

/** The issue's title: stable, so people find it by searching. */
export function trackingIssueTitle(version: string): string {
  return `Kubeflow ${version} release tracking`;
}

/** Hex SHA-256 of a body: what is stored to know whether GitHub needs the body again. */
export function trackingBodyHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * The final version a working group is heading for, read from its accepted revisions: an RC
 * (v1.10.0-rc.1) is heading for its final version (v1.10.0). Null when no version is known.
 */
export function expectedFinalVersion(versions: (string | null)[]): string | null {
  const finals = versions.flatMap((v) => {
    const parsed = v ? parseVersion(v) : null;
    if (!parsed?.ok) return [];
    const { canonical, rc } = parsed.version;
    return [rc === null ? canonical : canonical.replace(/-rc\.\d+$/, '')];
  });
  const unique = [...new Set(finals)];
  return unique.length > 0 ? unique.join(', ') : null;
}

/**
 * Text from people, GitHub or a config file, made inert for one table cell or list line: it can
 * make no link, image, mention or HTML there (escapeMarkdown).
 */
const cell = (text: string): string => escapeMarkdown(text.trim());

/** A GitHub user mentioned on purpose: a team member, by the login the team file gives. */
const mentionOf = (login: string): string => (GITHUB_LOGIN.test(login) ? `@${login}` : escapeMarkdown(login));
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

const people = (list: TeamAssignment[]) =>
  list.length > 0 ? list.map((p) => mentionOf(p.github)).join(', ') : '_nobody named yet_';
const box = (done: boolean) => (done ? '[x]' : '[ ]');

function timeline(data: TrackingIssueData): string[] {
  const lines = [
    `## Timeline`,
    '',
    `Dates are in ${data.timeZone}.`,
    '',
    '| Phase | From | To |',
    '| --- | --- | --- |',
  ];
  for (const p of data.phases) lines.push(`| ${cell(p.name)} | ${p.startsOn} | ${p.endsOn} |`);
  lines.push('', '### Milestones', '');
  for (const m of data.milestones) {
    const artifact = m.artifact ? ` ${markdownCode(m.artifact)}` : '';
    const optional = m.optional ? ' _(optional)_' : '';
    lines.push(
      `- ${box(m.dueOn < data.today)} ${m.dueOn}: ${cell(m.name)}${artifact}${optional} (${cell(m.owner)})`,
    );
  }
  return lines;
}

function workingGroup(data: TrackingIssueData, group: TeamSummary['byWorkingGroup'][number]): string[] {
  const lines = [
    `### ${cell(group.wg)}`,
    '',
    `Liaison: ${people(group.liaisons)} · Docs: ${people(group.docsLeads)}`,
    '',
  ];
  const components = data.components.find((c) => c.wg === group.wg)?.components ?? [];
  if (components.length > 0) {
    lines.push('| Component | Repository | Revision | Version |', '| --- | --- | --- | --- |');
    for (const c of components) {
      const code = (text: string) => markdownCode(text, { inTable: true });
      const revision = c.notShipping
        ? '_not shipping this cycle_'
        : c.accepted
          ? code(c.accepted.revision)
          : '_missing_';
      const waiting = c.waiting ? ` (waiting: ${code(c.waiting.revision)})` : '';
      const version = c.accepted?.version ? cell(c.accepted.version) : '';
      lines.push(`| ${cell(c.component)} | ${cell(c.repo)} | ${revision}${waiting} | ${version} |`);
    }
    lines.push('');
  }
  const expected = expectedFinalVersion(components.map((c) => c.accepted?.version ?? null));
  lines.push(`- **Expected final version:** ${expected ? cell(expected) : '_not known yet_'}`);
  if (data.blockers) {
    const list = (data.blockers.find((b) => b.wg === group.wg)?.active ?? []).map(
      (b) => `  - [ ] ${markdownLink(b.url, b.title)}${b.releaseBlocking ? ' **release-blocking**' : ''}`,
    );
    lines.push(`- **Open blocking issues:**${list.length === 0 ? ' none' : ''}`, ...list);
  }
  const docs = data.docs.filter((d) => d.wg === group.wg);
  lines.push(`- **Documentation:**${docs.length === 0 ? ' _nothing recorded_' : ''}`);
  for (const item of docs) {
    const done = item.status === 'done' || item.status === 'not_needed';
    const pages = item.pages.trim() ? `; pages: ${cell(item.pages)}` : '';
    const login = item.owner ? data.githubOf[item.owner] : undefined;
    const owner = login ? `; owner: ${mentionOf(login)}` : '';
    const status = DOCS_STATUS_LABELS[item.status];
    lines.push(`  - ${box(done)} #${item.id} ${cell(item.feature)} (${status}${owner}${pages})`);
  }
  return [...lines, ''];
}

function signOffText(s: NonNullable<TrackingIssueData['signOffs']>[number] | undefined): string {
  const tested = (s?.current ?? s?.earlier)?.rcTag;
  if (!s || s.standing === 'pending') return tested ? `_pending (last tested ${cell(tested)})_` : '_pending_';
  return s.standing === 'thumbs_up'
    ? `:+1: ${tested ? cell(tested) : ''}`.trim()
    : `blocked on ${tested ? cell(tested) : 'the current RC'}`;
}

function distributions(data: TrackingIssueData): string[] {
  const lines = ['## Distributions', ''];
  const all = data.team.byDistribution;
  if (all.length === 0) return [...lines, '_No distribution representatives named yet._', ''];
  const signOffs = data.signOffs;
  lines.push(
    signOffs ? '| Distribution | Representatives | Sign-off |' : '| Distribution | Representatives |',
    signOffs ? '| --- | --- | --- |' : '| --- | --- |',
  );
  for (const d of all) {
    const signOff = signOffs
      ? ` ${signOffText(signOffs.find((s) => s.distribution === d.distribution))} |`
      : '';
    lines.push(`| ${cell(d.distribution)} | ${people(d.reps)} |${signOff}`);
  }
  return [...lines, ''];
}

/**
 * The body of the release tracking issue: dates, the team, a section per working group (revisions,
 * expected final version, blocking issues, docs) and the distributions. The same state always
 * renders the same text, so a changed hash means something people care about changed.
 */
export function renderTrackingIssueBody(data: TrackingIssueData): string {
  const team = data.team;
  const docsLead = `${people(team.docsLeads)}${team.docsLeadImplied ? ' (as Release Manager)' : ''}`;
  return [
    '<!-- Kept up to date by kfrelease: edits to this description are overwritten. Comment below instead. -->',
    `This is the one issue where every working group, the distribution representatives and the community follow the Kubeflow ${data.version} release ([release handbook](${HANDBOOK})).`,
    '',
    ...timeline(data),
    '',
    '## Release team',
    '',
    `- Release Manager: ${people(team.releaseManagers)}`,
    `- Docs Lead: ${docsLead}`,
    `- Product Manager: ${people(team.productManagers)}`,
    '',
    '## Working groups',
    '',
    ...team.byWorkingGroup.flatMap((group) => workingGroup(data, group)),
    ...manifestsPulls(data),
    ...distributions(data),
  ].join('\n');
}

/** The manifests sync pull requests kfrelease opened, with their state; nothing before the first. */
function manifestsPulls(data: TrackingIssueData): string[] {
  const pulls = data.manifestsPulls ?? [];
  if (pulls.length === 0) return [];
  const code = (text: string) => markdownCode(text, { inTable: true });
  const rows = pulls.map(
    (p) =>
      `| ${cell(p.component)} | ${cell(p.upstreamRepo)} | ${code(p.revision)} | ${markdownLink(p.url, `#${p.number}`)} | ${p.state} |`,
  );
  return [
    '## Manifests sync pull requests',
    '',
    '| Component | Repository | Revision | Pull request | State |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}
