import { blockerAges, lateRevisions, notesByPhase, plannedRcs } from '../../src/domain/retro-figures';
import { computeTimeline } from '../../src/domain/timeline';
import { parseVersion } from '../../src/domain/version';
import { loadTemplates, TEMPLATES_DIR } from '../../src/templates/load-templates';

describe('the figures of a retrospective', () => {
  it.each([
    ['on the first day of Feature Freeze', [{ wg: 'Notebooks', submittedOn: '2026-05-11' }], []],
    ['a day late', [{ wg: 'Notebooks', submittedOn: '2026-05-12' }], [{ wg: 'Notebooks', daysLate: 1 }]],
    [
      'early, then a bug fix later',
      [
        { wg: 'Notebooks', submittedOn: '2026-05-20' },
        { wg: 'Notebooks', submittedOn: '2026-05-04' },
      ],
      [],
    ],
  ])('counts a revision submitted %s', (_case, submissions, late) => {
    const found = lateRevisions('2026-05-11', submissions, ['Notebooks']);
    expect(found).toEqual(late.map((l) => expect.objectContaining(l)));
  });

  it('counts a working group that never submitted', () => {
    expect(lateRevisions('2026-05-11', [], ['Training'])).toEqual([
      { wg: 'Training', firstSubmittedOn: null, daysLate: null },
    ]);
  });

  it.each([
    ['closed before release day', { closedOn: '2026-06-01' }, 21, false],
    ['open at release', { closedOn: null }, 42, true],
    ['closed after release day', { closedOn: '2026-07-01' }, 42, true],
  ])('ages a blocking issue %s', (_case, b, age, open) => {
    const [found] = blockerAges('2026-06-22', [
      { ref: 'kubeflow/pipelines#1', openedOn: '2026-05-11', ...b },
    ]);
    expect(found).toMatchObject({ ageDays: age, openAtRelease: open });
  });

  it('counts the RCs a template plans', () => {
    const handbook = loadTemplates(TEMPLATES_DIR).get('handbook-17w');
    const version = parseVersion('v1.10.0');
    if (!handbook || !version.ok) throw new Error('fixture');
    const timeline = computeTimeline({
      template: handbook,
      version: version.version,
      startDate: '2026-03-02',
      zone: 'UTC',
    });
    expect(plannedRcs(timeline)).toEqual({ count: 4, optional: 1 });
  });

  it('groups notes by phase in the order of the cycle', () => {
    const note = (phase: string, text: string) => ({
      phase,
      note: text,
      author: 'U1',
      at: '2026-05-12T10:00:00Z',
    });
    const groups = notesByPhase(
      [note('post_release', 'late'), note('feature_freeze', 'first'), note('gone', 'old phase')],
      [
        { key: 'feature_freeze', name: 'Feature Freeze' },
        { key: 'post_release', name: 'Post Release' },
      ],
    );
    expect(groups.map((g) => [g.name, g.notes.map((n) => n.note)])).toEqual([
      ['Feature Freeze', ['first']],
      ['Post Release', ['late']],
      ['gone', ['old phase']],
    ]);
  });
});
