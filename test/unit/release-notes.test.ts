import { groupComponents, groupMissing } from '../../src/domain/component-groups';
import type { Feature } from '../../src/domain/features';
import { renderReleaseNotes } from '../../src/domain/release-notes';
import { renderAnnouncementDraft, type AnnouncedComponent } from '../../src/domain/announcement-text';

const component = (name: string, over: Partial<AnnouncedComponent> = {}): AnnouncedComponent => ({
  component: name,
  wg: 'Notebooks',
  repo: 'kubeflow/kubeflow',
  revision: 'v1.10.0',
  version: 'v1.10.0',
  kind: 'tag',
  releaseUrl: null,
  ...over,
});

const feature = (over: Partial<Feature>): Feature => ({
  id: 1,
  wg: 'Pipelines',
  title: 'Run caching',
  ref: 'kubeflow/pipelines#1',
  url: 'https://github.com/kubeflow/pipelines/pull/1',
  isPullRequest: true,
  state: 'landed',
  highlight: false,
  docsNeeded: false,
  docsPages: '',
  docsStatus: null,
  reason: '',
  kept: false,
  ...over,
});

describe('groupComponents', () => {
  it.each([
    [
      'one line for the components of one repository at one revision',
      [component('Notebook Controller'), component('Jupyter Web App'), component('Notebook Controller')],
      [['Notebooks', 'kubeflow/kubeflow', 'v1.10.0', ['Notebook Controller', 'Jupyter Web App']]],
    ],
    [
      'a line per repository',
      [
        component('KServe', { wg: 'KServe', repo: 'kserve/kserve', revision: 'v0.14.0' }),
        component('Models Web App', { wg: 'KServe', repo: 'kserve/models-web-app', revision: 'v0.14.0' }),
      ],
      [
        ['KServe', 'kserve/kserve', 'v0.14.0', ['KServe']],
        ['KServe', 'kserve/models-web-app', 'v0.14.0', ['Models Web App']],
      ],
    ],
  ])('%s', (_name, components, expected) => {
    expect(groupComponents(components).map((g) => [g.wg, g.repo, g.revision, g.components])).toEqual(
      expected,
    );
  });

  it('groups missing components by working group', () => {
    expect(
      groupMissing([
        { component: 'KServe', wg: 'KServe' },
        { component: 'Models Web App', wg: 'KServe' },
        { component: 'Katib', wg: 'AutoML' },
      ]),
    ).toEqual([
      { wg: 'KServe', components: ['KServe', 'Models Web App'] },
      { wg: 'AutoML', components: ['Katib'] },
    ]);
  });
});

describe('renderReleaseNotes', () => {
  const features = {
    landed: [
      feature({
        id: 1,
        highlight: true,
        docsNeeded: true,
        docsPages: 'https://www.kubeflow.org/docs/caching\n/docs/other',
      }),
      feature({
        id: 2,
        wg: 'Notebooks',
        title: 'GPU culling',
        ref: 'kubeflow/kubeflow#2',
        url: 'https://github.com/kubeflow/kubeflow/issues/2',
      }),
    ],
    punted: [feature({ id: 3, title: 'Sub-DAGs', state: 'punted', reason: 'API review' })],
    workingGroups: ['Notebooks', 'Pipelines'],
  };
  const notes = renderReleaseNotes({
    version: 'v1.10.0',
    releaseDate: '2026-06-22',
    features,
    components: [component('Notebook Controller'), component('Jupyter Web App')],
    missing: [],
  });

  it('lists highlights first, once, with docs pages as links or text', () => {
    expect(notes).toContain(
      '## Highlights\n\n- Run caching (Pipelines): [kubeflow/pipelines\\#1](https://github.com/kubeflow/pipelines/pull/1) · docs: [kubeflow.org/docs/caching](https://www.kubeflow.org/docs/caching), /docs/other\n\n## Features by working group\n\n### Notebooks\n\n- GPU culling: [kubeflow/kubeflow\\#2](https://github.com/kubeflow/kubeflow/issues/2)\n',
    );
    expect(notes.match(/Run caching/g)).toHaveLength(1);
  });

  it('groups the components and lists the punted features for the next cycle', () => {
    expect(notes).toContain(
      '- Notebook Controller, Jupyter Web App (kubeflow/kubeflow): [v1.10.0](https://github.com/kubeflow/kubeflow/releases/tag/v1.10.0)',
    );
    expect(notes).toContain('## Punted to the next release');
    expect(notes).toContain(
      '- Sub-DAGs (Pipelines): [kubeflow/pipelines\\#1](https://github.com/kubeflow/pipelines/pull/1) — API review',
    );
  });

  it('keeps the highlight prompt in the announcement when nothing has landed', () => {
    const text = renderAnnouncementDraft({
      version: 'v1.10.0',
      releaseDate: '2026-06-22',
      components: [],
      missing: [],
      releaseManagers: [],
      features: { landed: [], punted: [], workingGroups: [] },
    });
    expect(text).toContain('[Two or three sentences on the highlights of this release.]');
    expect(text).not.toContain('New features:');
  });
});
