import { setChecklistItem } from '../../src/workflows/phase-control';
import { openPatchRelease } from '../../src/workflows/patch-release';
import { addActionItem } from '../../src/workflows/action-items';
import { markAway } from '../../src/workflows/note-takers';
import { skipComponent } from '../../src/workflows/component-skips';
import { openForm, runCommand, type MatrixAction, type Outcome } from './authorization-cell';
import { recordTrackingIssue, ROLES, type World } from './authorization-world';

const RM = ROLES['release manager'];

const command = (text: string | ((w: World, user: string) => string)) => (w: World, user: string) =>
  runCommand(w, user, typeof text === 'string' ? text : text(w, user));

const openPatch = (w: World) => {
  openPatchRelease(w.app.services, { userId: RM, version: 'v1.10.1' });
};

/** Waits for the tracking issue created in the background, or the message saying it was not. */
async function trackingIssueCreated(w: World, outcome: Outcome): Promise<Outcome> {
  if (outcome.refused) return outcome;
  const until = Date.now() + 3000;
  while (Date.now() < until) {
    if (w.app.services.store.trackingIssues.find(w.release.id)?.url) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the tracking issue was not created within 3 s');
}

/** Waits for the outcome of the manifests pull requests written in the background to be queued. */
async function manifestsAnswered(w: World, outcome: Outcome): Promise<Outcome> {
  if (outcome.refused) return outcome;
  const queued = w.app.services.store.db.prepare("SELECT 1 FROM outbox WHERE key LIKE 'manifests:write:%'");
  const until = Date.now() + 3000;
  while (Date.now() < until) {
    if (queued.get() !== undefined) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the manifests pull request outcome was not queued within 3 s');
}

/** Every /kfrelease subcommand that changes something, and those that open a form. */
export const COMMAND_ACTIONS: MatrixAction[] = [
  {
    name: '/kfrelease release create',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /kfrelease admins/,
    act: command('release create v1.11.0 2026-07-06'),
  },
  {
    name: '/kfrelease phase advance',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /the release manager of v1\.10\.0 \(<@U0RM00001>\) or an admin/,
    act: command('phase advance The rest is ready; Training follows in two days'),
  },
  {
    name: '/kfrelease delay',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /the release manager of v1\.10\.0 .* or an admin/,
    act: command('delay rc.1 2026-05-29 Pipelines needs a week for the backend fix'),
  },
  {
    name: '/kfrelease replan (opens form)',
    changes: false,
    surface: 'form command',
    scene: 'freeze',
    names: /Only the release manager of v1\.10\.0 \(<@U0RM00001>\) or an admin can re-plan v1\.10\.0/,
    act: (w, user) => openForm(w, user, 'replan rc.1 2026-05-26'),
  },
  {
    name: '/kfrelease check schedule-sent',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /Only the Release Manager \(<@U0RM00001>, shadow <@U0SHADOW1>\) or an admin/,
    act: command('check schedule-sent'),
  },
  {
    name: '/kfrelease uncheck schedule-sent',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /Only the Release Manager .* or an admin/,
    arrange: (w) => {
      setChecklistItem(w.app.services, { userId: RM, itemId: 'schedule-sent', scope: null, checked: true });
    },
    act: command('uncheck schedule-sent'),
  },
  {
    name: '/kfrelease check wg-docs-updated Notebooks',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    // Only Notebooks' own liaison is named, not every working group's.
    names:
      /^Only the Docs Lead \(<@U0DOCS001>\), the Notebooks Release Team Member \(WG liaison\) \(<@U0LIAISN1>\), the Product Manager or an admin can tick "Documentation of the working group up to date" for Notebooks\./,
    act: command('check wg-docs-updated Notebooks'),
  },
  {
    name: '/kfrelease check distribution-thumbs-up AWS',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names:
      /^Only the AWS Distribution Representative \(<@U0DISTRO1>\), the Release Manager \(<@U0RM00001>, shadow <@U0SHADOW1>\) or an admin can tick ".*" for AWS\./,
    act: command('check distribution-thumbs-up AWS'),
  },
  {
    name: '/kfrelease blocker at-risk (Notebooks issue)',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /the release manager of v1\.10\.0 .*, the Notebooks liaisons \(<@U0LIAISN1>\) or an admin/,
    act: command('blocker at-risk kubeflow/kubeflow#101'),
  },
  {
    name: '/kfrelease blocker blocking (Notebooks issue)',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /the release manager of v1\.10\.0 .*, the Notebooks liaisons .* or an admin/,
    act: command('blocker blocking kubeflow/kubeflow#101'),
  },
  {
    name: '/kfrelease blocker punt (release-blocking issue)',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /the release manager of v1\.10\.0 .*or an admin/,
    act: command('blocker punt kubeflow/kubeflow#102 No fix in time; next release'),
  },
  {
    name: '/kfrelease meeting set',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /the release manager of v1\.10\.0 or an admin/,
    act: command('meeting set tue 17:00'),
  },
  {
    name: '/kfrelease reminders set',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /the release manager of v1\.10\.0 or an admin/,
    act: command('reminders set offsets=7d,2d,0d'),
  },
  {
    name: '/kfrelease notetaker swap',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /release team member \(WG liaison\)/,
    act: command((_w, user) => {
      const other =
        user === ROLES['liaison (this WG)'] ? ROLES['liaison (other WG)'] : ROLES['liaison (this WG)'];
      return `notetaker swap <@${other}>`;
    }),
  },
  {
    name: '/kfrelease away',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /team file/,
    act: command('away 2026-05-18 2026-05-22'),
  },
  {
    name: '/kfrelease away cancel',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /team file/,
    arrange: (w, user) => {
      if (w.app.services.store.team.githubOfSlackId(user))
        markAway(w.app.services, { userId: user, fromOn: '2026-06-01', toOn: '2026-06-05' });
    },
    act: command('away cancel 2026-06-01'),
  },
  {
    name: '/kfrelease action add',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /members of its release team or an admin/,
    act: command('action add Ask the Training WG for the rc.1 tag'),
  },
  {
    name: '/kfrelease action done',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /members of its release team or an admin/,
    arrange: (w) => {
      addActionItem(w.app.services, {
        text: 'Chase the rc.1 tag',
        owner: null,
        actor: { kind: 'cli', name: 'test' },
      });
    },
    act: command(
      (w) =>
        `action done ${w.app.services.store.actionItems.openOrDoneSince(w.release.id, '9999').at(-1)?.id}`,
    ),
  },
  {
    name: '/kfrelease retro',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /./,
    act: command('retro The rc.1 reminder came too late for the Training WG'),
  },
  {
    name: '/kfrelease docs set (Notebooks item)',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /the Docs Lead, the release manager and Notebooks's liaison, docs lead or test lead/,
    act: command((w) => `docs set ${w.ids.docsItem} in_progress`),
  },
  {
    name: '/kfrelease feature punt (Notebooks feature)',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /Only the release manager and Notebooks's liaison can punt feature #\d+ \(Notebooks\)/,
    act: command((w) => `feature punt ${w.ids.feature} The GPU picker needs a new scheduler API`),
  },
  {
    name: '/kfrelease feature keep (Notebooks feature)',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names:
      /Only the release manager and Notebooks's liaison can keep feature #\d+ \(Notebooks\) in the release/,
    act: command((w) => `feature keep ${w.ids.feature}`),
  },
  {
    name: '/kfrelease feature public hide',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /the release manager of v1\.10\.0 .* or an admin/,
    act: command('feature public hide'),
  },
  {
    name: '/kfrelease tracking-issue setup',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /the release manager or a kfrelease admin/,
    act: async (w, user) =>
      trackingIssueCreated(w, await runCommand(w, user, 'tracking-issue setup kubeflow/manifests')),
  },
  {
    name: '/kfrelease tracking-issue sync',
    changes: false,
    surface: 'command',
    scene: 'freeze',
    names: /the release manager or a kfrelease admin/,
    arrange: recordTrackingIssue,
    act: command('tracking-issue sync'),
  },
  {
    name: '/kfrelease manifests pr',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /the release manager, a release team member \(WG liaison\) or an admin/,
    act: async (w, user) => manifestsAnswered(w, await runCommand(w, user, 'manifests pr notebooks')),
  },
  {
    name: '/kfrelease patch v1.10.1 (open)',
    changes: true,
    surface: 'command',
    scene: 'after release',
    names: /the release manager of v1\.10\.0 .* or an admin/,
    act: command('patch v1.10.1'),
  },
  {
    name: '/kfrelease patch add',
    changes: true,
    surface: 'command',
    scene: 'after release',
    names: /members of the v1\.10\.0 release team or an admin/,
    arrange: openPatch,
    act: command('patch add v1.10.1 kubeflow/kubeflow#11 bug fixes idle culling'),
  },
  {
    name: '/kfrelease patch released',
    changes: true,
    surface: 'command',
    scene: 'after release',
    names: /the release manager of v1\.10\.0 .* or an admin/,
    arrange: openPatch,
    act: command('patch released v1.10.1'),
  },
  {
    name: '/kfrelease revision accept',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /Only the release manager of v1\.10\.0 \(<@U0RM00001>\) or an admin can accept a revision/,
    act: command(
      'revision accept kubeflow/kubeflow notebooks-latest The Notebooks WG names this tag for the release',
    ),
  },
  {
    name: '/kfrelease component skip',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /Only the release manager of v1\.10\.0 \(<@U0RM00001>\) or an admin can mark a component/,
    act: command('component skip kubeflow/kfp-tekton The Tekton backend is not released this cycle'),
  },
  {
    name: '/kfrelease component ship',
    changes: true,
    surface: 'command',
    scene: 'freeze',
    names: /Only the release manager of v1\.10\.0 \(<@U0RM00001>\) or an admin can mark a component/,
    arrange: (w) => {
      skipComponent(w.app.services, {
        userId: RM,
        words: ['kubeflow/kfp-tekton', 'Not', 'released', 'this', 'cycle'],
      });
    },
    act: command('component ship kubeflow/kfp-tekton'),
  },
  {
    name: '/kfrelease submit Notebooks (opens form)',
    changes: false,
    surface: 'form command',
    scene: 'freeze',
    names: /liaisons, the release manager or an admin/,
    act: (w, user) => openForm(w, user, 'submit Notebooks'),
  },
  {
    name: '/kfrelease deps Notebooks (opens form)',
    changes: false,
    surface: 'form command',
    scene: 'freeze',
    names: /Only the liaisons of Notebooks \(Nora Notebooks\), the release manager or an admin can declare/,
    act: (w, user) => openForm(w, user, 'deps Notebooks'),
  },
  {
    name: '/kfrelease block (opens form)',
    changes: false,
    surface: 'form command',
    scene: 'freeze',
    names: /./,
    act: (w, user) => openForm(w, user, 'block Notebooks'),
  },
  {
    name: '/kfrelease signoff (opens form)',
    changes: false,
    surface: 'form command',
    scene: 'freeze',
    names: /Only a distribution's representatives can sign off on v1\.10\.0: Dana Distro \(AWS\) or an admin/,
    act: (w, user) => openForm(w, user, 'signoff'),
  },
  {
    name: '/kfrelease feature add (opens form)',
    changes: false,
    surface: 'form command',
    scene: 'freeze',
    names: /Only the release manager and a working group's liaison can track features of v1\.10\.0/,
    act: (w, user) => openForm(w, user, 'feature add'),
  },
  {
    name: '/kfrelease docs add (opens form)',
    changes: false,
    surface: 'form command',
    scene: 'freeze',
    names: /Only the Docs Lead, the release manager and a working group's liaison, docs lead or test lead/,
    act: (w, user) => openForm(w, user, 'docs add'),
  },
];
