import {
  expectedFinalVersion,
  renderTrackingIssueBody,
  trackingBodyHash,
  trackingIssueTitle,
  type TrackingIssueData,
} from '../../src/domain/tracking-issue-body';
import type { RoleKey } from '../../src/domain/roles';
import { summarizeTeam, type TeamAssignment } from '../../src/domain/team';
import { codeSections } from '../../src/slack/blocks/tracking-issue-blocks';

const person = (
  github: string,
  role: RoleKey,
  where: { wg?: string; distribution?: string } = {},
): TeamAssignment => ({
  name: github,
  github,
  slackId: `U${github.toUpperCase()}`,
  organization: '',
  role,
  wg: where.wg ?? null,
  distribution: where.distribution ?? null,
  shadow: false,
});

function data(over: Partial<TrackingIssueData> = {}): TrackingIssueData {
  return {
    version: 'v1.10.0',
    timeZone: 'Europe/Berlin',
    today: '2026-05-12',
    phases: [
      { name: 'Development', startsOn: '2026-03-02', endsOn: '2026-05-10' },
      { name: 'Feature Freeze', startsOn: '2026-05-11', endsOn: '2026-05-24' },
    ],
    milestones: [
      {
        name: 'Release branch created',
        dueOn: '2026-05-11',
        artifact: 'v1.10-branch',
        optional: false,
        owner: 'Manifests WG',
      },
      {
        name: 'rc.3 tagged',
        dueOn: '2026-06-12',
        artifact: 'v1.10.0-rc.3',
        optional: true,
        owner: 'Manifests WG',
      },
    ],
    team: summarizeTeam(
      [
        person('ada-l', 'release_manager'),
        person('ghopper', 'team_member', { wg: 'Notebooks' }),
        person('dknuth', 'distribution_rep', { distribution: 'AWS' }),
      ],
      ['Notebooks'],
    ),
    components: [
      {
        wg: 'Notebooks',
        components: [
          {
            component: 'Jupyter | Web App',
            repo: 'kubeflow/kubeflow',
            accepted: { revision: 'v1.10.0-rc.1', version: 'v1.10.0-rc.1' },
            waiting: null,
          },
          {
            component: 'Volumes Web App',
            repo: 'kubeflow/notebooks',
            accepted: null,
            waiting: { revision: 'v1.10.0-rc.0' },
          },
          {
            component: 'Tensorboards Web App',
            repo: 'kubeflow/kubeflow',
            accepted: null,
            waiting: null,
            notShipping: { reason: 'Retired this cycle' },
          },
        ],
      },
    ],
    docs: [
      {
        id: 4,
        wg: 'Notebooks',
        feature: 'Culling\nof kernels',
        pages: '/docs/notebooks',
        owner: 'UGHOPPER',
        status: 'in_progress',
      },
    ],
    githubOf: { UGHOPPER: 'ghopper' },
    ...over,
  };
}

describe('renderTrackingIssueBody', () => {
  const body = renderTrackingIssueBody(data());

  it('says it is kept up to date by the bot, and is the one issue for everyone', () => {
    expect(body.startsWith('<!-- Kept up to date by kfrelease')).toBe(true);
    expect(body).toContain('every working group, the distribution representatives and the community');
  });

  it('has the dates, with past milestones ticked', () => {
    expect(body).toContain('| Feature Freeze | 2026-05-11 | 2026-05-24 |');
    expect(body).toContain('- [x] 2026-05-11: Release branch created `v1.10-branch` (Manifests WG)');
    expect(body).toContain('- [ ] 2026-06-12: rc.3 tagged `v1.10.0-rc.3` _(optional)_ (Manifests WG)');
  });

  it('has a section per working group: revisions, expected final version, docs', () => {
    expect(body).toContain('### Notebooks\n\nLiaison: @ghopper · Docs: _nobody named yet_');
    expect(body).toContain('| Jupyter \\| Web App | kubeflow/kubeflow | `v1.10.0-rc.1` | v1.10.0-rc.1 |');
    expect(body).toContain(
      '| Volumes Web App | kubeflow/notebooks | _missing_ (waiting: `v1.10.0-rc.0`) |  |',
    );
    expect(body).toContain('| Tensorboards Web App | kubeflow/kubeflow | _not shipping this cycle_ |  |');
    expect(body).toContain('- **Expected final version:** v1.10.0');
    expect(body).toContain(
      '  - [ ] #4 Culling of kernels (In progress; owner: @ghopper; pages: /docs/notebooks)',
    );
    expect(body).toContain('- Docs Lead: @ada-l (as Release Manager)');
  });

  it('lists blocking issues and sign-offs only when they are tracked', () => {
    expect(body).not.toContain('blocking issues');
    expect(body).toContain('| Distribution | Representatives |\n| --- | --- |\n| AWS | @dknuth |');
    const tracked = renderTrackingIssueBody(
      data({
        blockers: [
          {
            wg: 'Notebooks',
            active: [
              {
                title: 'Crash on start',
                url: 'https://github.com/kubeflow/kubeflow/issues/9',
                releaseBlocking: true,
              },
            ],
          },
        ],
        signOffs: [
          { distribution: 'AWS', standing: 'pending', current: null, earlier: { rcTag: 'v1.10.0-rc.1' } },
        ],
      }),
    );
    expect(tracked).toContain(
      '- **Open blocking issues:**\n  - [ ] [Crash on start](https://github.com/kubeflow/kubeflow/issues/9) **release-blocking**',
    );
    expect(tracked).toContain('| AWS | @dknuth | _pending (last tested v1.10.0-rc.1)_ |');
  });

  it('renders the same state to the same text, and a change to another hash', () => {
    expect(trackingBodyHash(renderTrackingIssueBody(data()))).toBe(trackingBodyHash(body));
    expect(trackingBodyHash(renderTrackingIssueBody(data({ today: '2026-06-13' })))).not.toBe(
      trackingBodyHash(body),
    );
    expect(trackingIssueTitle('v1.10.0')).toBe('Kubeflow v1.10.0 release tracking');
  });
});

describe('expectedFinalVersion', () => {
  it.each([
    [['v1.10.0-rc.1'], 'v1.10.0'],
    [['v1.10.0', 'v1.10.0-rc.2'], 'v1.10.0'],
    [['2.5.0', 'v1.10.1'], 'v2.5.0, v1.10.1'],
    [[null, 'main'], null],
    [[], null],
  ])('reads %j as %j', (versions, expected) => {
    expect(expectedFinalVersion(versions)).toBe(expected);
  });
});

describe('codeSections', () => {
  it('splits long text between lines into code blocks Slack accepts', () => {
    const text = Array.from({ length: 200 }, (_, i) => `line ${i} <${'x'.repeat(30)}>`).join('\n');
    const sections = codeSections(text) as { text: { text: string } }[];
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.text.text.length).toBeLessThanOrEqual(3000);
    expect(sections[0]?.text.text).toContain('line 0 &lt;');
    const joined = sections.map((s) => s.text.text.replace(/^```\n|\n```$/g, '')).join('\n');
    expect(joined.split('\n')).toHaveLength(200);
  });
});
