import {
  changelogUrl,
  renderAnnouncementDraft,
  type AnnouncedComponent,
} from '../../src/domain/announcement-text';

const component = (over: Partial<AnnouncedComponent>): AnnouncedComponent => ({
  component: 'Katib',
  wg: 'AutoML',
  repo: 'kubeflow/katib',
  revision: 'v0.18.0',
  version: 'v0.18.0',
  kind: 'tag',
  releaseUrl: null,
  ...over,
});

describe('changelogUrl', () => {
  it.each([
    [
      'the GitHub release it was checked against',
      { releaseUrl: 'https://github.com/kubeflow/katib/releases/tag/v0.18.0' },
      'https://github.com/kubeflow/katib/releases/tag/v0.18.0',
    ],
    ['the release page of its tag', {}, 'https://github.com/kubeflow/katib/releases/tag/v0.18.0'],
    [
      'the tree of a branch',
      { kind: 'branch' as const, revision: 'release/0.18', version: null },
      'https://github.com/kubeflow/katib/tree/release%2F0.18',
    ],
  ])('links %s', (_name, over, expected) => {
    expect(changelogUrl(component(over))).toBe(expected);
  });
});

describe('renderAnnouncementDraft', () => {
  const text = renderAnnouncementDraft({
    version: 'v1.10.0',
    releaseDate: '2026-06-22',
    components: [
      component({}),
      component({
        component: 'Kubeflow Pipelines',
        wg: 'Pipelines',
        repo: 'kubeflow/pipelines',
        revision: '2.5.0',
        version: null,
      }),
    ],
    missing: [{ component: 'KServe', wg: 'KServe' }],
    releaseManagers: ['Ada Lovelace'],
  });

  it('lists each component by working group with its version and changelog', () => {
    expect(text).toContain('Kubeflow v1.10.0, released on 2026-06-22');
    expect(text).toContain(
      'AutoML:\n- Katib v0.18.0: https://github.com/kubeflow/katib/releases/tag/v0.18.0',
    );
    expect(text).toContain(
      'Pipelines:\n- Kubeflow Pipelines 2.5.0: https://github.com/kubeflow/pipelines/releases/tag/2.5.0',
    );
  });

  it('marks what the product manager fills in, and what is still missing', () => {
    expect(text).toContain('[Two or three sentences on the highlights of this release.]');
    expect(text).toContain('- KServe (KServe)');
    expect(text).toContain('led by Ada Lovelace');
  });
});
