import type { Locator } from 'playwright-core';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { useConsoleInChromium } from './console-in-chromium';

jest.setTimeout(120_000);

const WAIT = { timeout: 20_000 };

/** The demo team of config/sandbox/demo-team.yml, and the guest of demo-workspace.yml. */
const ADA = 'U0ADA0001'; // release manager, kfrelease admin
const GRACE = 'U0GRACE01'; // the release manager's shadow, and the Notebooks liaison
const ALAN = 'U0ALAN001'; // Pipelines liaison
const KATHERINE = 'U0KATH001'; // Training and AutoML liaison
const EDSGER = 'U0EDSG001'; // KServe liaison
const BARBARA = 'U0BARB001'; // Manifests liaison
const MARGARET = 'U0MARG001'; // Docs Lead
const RADIA = 'U0RADI001'; // Product Manager
const FRANCES = 'U0FRAN001'; // Pipelines WG Documentation Lead
const JOHN = 'U0JOHN001'; // Notebooks WG Test Lead
const DONALD = 'U0DONA001'; // AWS distribution representative
const LESLIE = 'U0LESL001'; // Azure distribution representative
const SAM = 'U0GUEST01'; // in the workspace, on no team

/** Where the release stands on Thu 7 May 2026, the sandbox's first morning: the same for everyone. */
const GLANCE =
  'Development · Week 10 of 17\nNext deadline: Release branch created (v1.11-branch), Mon 11 May 2026, in 4 days\nRelease day: Mon 22 Jun 2026, in 46 days';
const ALL_BUTTONS = ['Submit revisions', 'Report blocking issues', 'Add docs item', 'Track a feature'];
const NOTHING = 'What you owe\nNothing right now. ☺️';
const SIGNOFF_MISSING = (distribution: string) =>
  `What you owe\n🧪 ${distribution}: test the latest RC during Distribution testing, Mon 1 Jun 2026 to Sun 21 Jun 2026 and report what breaks. Your sign-off on v1.11.0-rc.0 is still missing: /kfrelease signoff.`;

/** Each person's App Home: their roles, what they owe, and the buttons they get. */
const HOMES: [who: string, user: string, roles: string, owe: string, buttons: string[]][] = [
  [
    'release manager',
    ADA,
    'Release Manager · kfrelease admin',
    'What you owe\n🚨 1 release-blocking issue(s) open · /kfrelease blockers',
    ALL_BUTTONS,
  ],
  [
    'shadow and Notebooks liaison',
    GRACE,
    'Release Manager (shadow) · Release Team Member (WG liaison): Notebooks',
    'What you owe\n📦 Notebooks: no accepted revision yet for kubeflow/kubeflow (9 components).\n🚧 Notebooks: 1 open blocking issue(s) · /kfrelease blockers Notebooks',
    ALL_BUTTONS,
  ],
  [
    'Pipelines liaison',
    ALAN,
    'Release Team Member (WG liaison): Pipelines',
    'What you owe\n📦 Pipelines: no accepted revision yet for kubeflow/pipelines (Kubeflow Pipelines), kubeflow/kfp-tekton (Kubeflow Tekton Pipelines).',
    ALL_BUTTONS,
  ],
  [
    'Training and AutoML liaison, next note-taker',
    KATHERINE,
    'Release Team Member (WG liaison): Training · Release Team Member (WG liaison): AutoML',
    'What you owe\n📦 AutoML: no accepted revision yet for kubeflow/katib (Katib).\n📝 You take the notes at the next release team meeting, Tue 12 May 2026, 14:00 UTC.',
    ALL_BUTTONS,
  ],
  ['KServe liaison', EDSGER, 'Release Team Member (WG liaison): KServe', NOTHING, ALL_BUTTONS],
  [
    'Manifests liaison',
    BARBARA,
    'Release Team Member (WG liaison): Manifests',
    'What you owe\n📦 Manifests: no accepted revision yet for istio/istio (Istio), knative/serving (Knative Serving), knative/eventing (Knative Eventing), cert-manager/cert-manager (Cert Manager).\n🚧 Manifests: 1 open blocking issue(s), 1 release-blocking · /kfrelease blockers Manifests',
    ALL_BUTTONS,
  ],
  [
    'docs lead',
    MARGARET,
    'Docs Lead',
    'What you owe\n📚 Open docs work of the release: nothing open.',
    ['Report blocking issues', 'Add docs item'],
  ],
  [
    'product manager',
    RADIA,
    'Product Manager',
    'What you owe\n⭐ Highlight candidates (0): none proposed yet; liaisons tick "highlight" in /kfrelease feature add.\n📣 Release announcement: the draft is ready any time with /kfrelease announcement; on release day (Mon 22 Jun 2026) it comes to you by direct message.',
    ['Report blocking issues'],
  ],
  [
    'Pipelines WG docs lead',
    FRANCES,
    'WG Documentation Lead: Pipelines',
    'What you owe\n📚 Open docs work of Pipelines: nothing open.',
    ['Report blocking issues', 'Add docs item'],
  ],
  [
    'Notebooks WG test lead',
    JOHN,
    'WG Test Lead: Notebooks',
    NOTHING,
    ['Report blocking issues', 'Add docs item'],
  ],
  [
    'AWS distribution representative',
    DONALD,
    'Distribution Representative: AWS',
    SIGNOFF_MISSING('AWS'),
    ['Report blocking issues'],
  ],
  [
    'Azure distribution representative',
    LESLIE,
    'Distribution Representative: Azure',
    SIGNOFF_MISSING('Azure'),
    ['Report blocking issues'],
  ],
  ['guest with no role', SAM, 'none in this release', NOTHING, []],
];

const WORKING_GROUPS = ['AutoML', 'KServe', 'Manifests', 'Notebooks', 'Pipelines', 'Training'];
const BLOCKERS_FORM = {
  title: 'Blockers v1.11.0',
  groups: WORKING_GROUPS,
  labels: [
    'Working group',
    'Issues or pull requests, one per line',
    'Does it block the release?',
    'Note for the release team (optional)',
  ],
};
const DOCS_FORM = (...groups: string[]) => ({
  title: 'Docs v1.11.0',
  groups,
  labels: ['Working group', 'Feature', 'Pages affected (optional)', 'Who writes it (optional)', 'Status'],
});
const FEATURE_FORM = (...groups: string[]) => ({
  title: 'Feature v1.11.0',
  groups,
  labels: [
    'Working group',
    'Feature',
    'GitHub issue or pull request',
    'Docs (optional)',
    'Pages to change (optional)',
    'Highlight (optional)',
  ],
});
/** The revision form of a liaison of one working group: its repositories at once. */
const REVISIONS_FORM = (...repos: string[]) => ({
  title: 'Revisions v1.11.0',
  groups: [],
  labels: [...repos.map((repo) => `${repo} (optional)`), 'Note for the release team (optional)'],
});

/**
 * Every App Home button of everyone but the release manager (sandbox-buttons presses hers), and
 * the form it opens for them: the working groups offered are theirs to act for.
 */
const BUTTON_FORMS: [who: string, button: string, user: string, form: typeof BLOCKERS_FORM][] = [
  ['shadow and Notebooks liaison', 'Submit revisions', GRACE, REVISIONS_FORM('kubeflow/kubeflow')],
  ['shadow and Notebooks liaison', 'Report blocking issues', GRACE, BLOCKERS_FORM],
  ['shadow and Notebooks liaison', 'Add docs item', GRACE, DOCS_FORM('Notebooks')],
  ['shadow and Notebooks liaison', 'Track a feature', GRACE, FEATURE_FORM('Notebooks')],
  [
    'Pipelines liaison',
    'Submit revisions',
    ALAN,
    REVISIONS_FORM('kubeflow/pipelines', 'kubeflow/kfp-tekton'),
  ],
  ['Pipelines liaison', 'Report blocking issues', ALAN, BLOCKERS_FORM],
  ['Pipelines liaison', 'Add docs item', ALAN, DOCS_FORM('Pipelines')],
  ['Pipelines liaison', 'Track a feature', ALAN, FEATURE_FORM('Pipelines')],
  // A liaison of two working groups first picks one.
  [
    'Training and AutoML liaison',
    'Submit revisions',
    KATHERINE,
    { title: 'Revisions v1.11.0', groups: ['AutoML', 'Training'], labels: [] },
  ],
  ['Training and AutoML liaison', 'Report blocking issues', KATHERINE, BLOCKERS_FORM],
  ['Training and AutoML liaison', 'Add docs item', KATHERINE, DOCS_FORM('AutoML', 'Training')],
  ['Training and AutoML liaison', 'Track a feature', KATHERINE, FEATURE_FORM('AutoML', 'Training')],
  ['KServe liaison', 'Submit revisions', EDSGER, REVISIONS_FORM('kserve/kserve', 'kserve/models-web-app')],
  ['Manifests liaison', 'Track a feature', BARBARA, FEATURE_FORM('Manifests')],
  ['docs lead', 'Report blocking issues', MARGARET, BLOCKERS_FORM],
  ['docs lead', 'Add docs item', MARGARET, DOCS_FORM(...WORKING_GROUPS)],
  ['product manager', 'Report blocking issues', RADIA, BLOCKERS_FORM],
  ['Pipelines WG docs lead', 'Report blocking issues', FRANCES, BLOCKERS_FORM],
  ['Pipelines WG docs lead', 'Add docs item', FRANCES, DOCS_FORM('Pipelines')],
  ['Notebooks WG test lead', 'Report blocking issues', JOHN, BLOCKERS_FORM],
  ['Notebooks WG test lead', 'Add docs item', JOHN, DOCS_FORM('Notebooks')],
  ['AWS distribution representative', 'Report blocking issues', DONALD, BLOCKERS_FORM],
  ['Azure distribution representative', 'Report blocking issues', LESLIE, BLOCKERS_FORM],
];

const ONLY_RM = (what: string) =>
  `⚠️ Only the release manager of v1.11.0 (@Ada Lovelace) or an admin can ${what}.`;
const NOT_A_LIAISON =
  "⚠️ Only a working group's liaisons, the release manager or an admin can submit git revisions for v1.11.0.";
const NO_FEATURES =
  "⚠️ Only the release manager and a working group's liaison can track features of v1.11.0.";
const NO_DOCS =
  "⚠️ Only the Docs Lead, the release manager and a working group's liaison, docs lead or test lead can record documentation work for v1.11.0.";
const NO_SIGNOFF =
  "⚠️ Only a distribution's representatives can sign off on v1.11.0: Donald Knuth (AWS), Leslie Lamport (Azure) or an admin.";
const WG_DOCS_UPDATED = (wg: string, docsLead: string, liaison: string) =>
  `⚠️ Only the Docs Lead (@Margaret Hamilton), the ${wg} WG Documentation Lead (${docsLead}), the ${wg} Release Team Member (WG liaison) (${liaison}), the Product Manager (@Radia Perlman) or an admin can tick "Documentation of the working group up to date" for ${wg}.`;
const NOTEBOOKS_DEPS =
  '⚠️ Only the liaisons of Notebooks (Grace Hopper), the release manager or an admin can declare the expected versions and dependency ranges of Notebooks.';

/**
 * Commands that change something, typed by someone whose role does not allow it (see
 * docs/authorization.md): the first line of what they are told. Nothing opens and nothing changes.
 */
const REFUSED: [who: string, command: string, user: string, refusal: string][] = [
  [
    'AWS distribution representative',
    '/kfrelease phase advance',
    DONALD,
    ONLY_RM('move v1.11.0 to its next phase'),
  ],
  ['AWS distribution representative', '/kfrelease submit Notebooks', DONALD, NOT_A_LIAISON],
  [
    'AWS distribution representative',
    '/kfrelease check distribution-thumbs-up Azure',
    DONALD,
    `⚠️ Only the Azure Distribution Representative (@Leslie Lamport), the Release Manager (@Ada Lovelace, shadow @Grace Hopper) or an admin can tick "Thumbs up from the distribution's representative when testing is complete" for Azure.`,
  ],
  [
    'AWS distribution representative',
    '/kfrelease revision accept kubeflow/training-operator v1.9.0 It is fine',
    DONALD,
    ONLY_RM('accept a revision of v1.11.0 whatever the rules say'),
  ],
  [
    'AWS distribution representative',
    '/kfrelease component skip kubeflow/kfp-tekton The Tekton backend is not released this cycle',
    DONALD,
    ONLY_RM('mark a component of v1.11.0 as not shipping'),
  ],
  [
    'Pipelines liaison',
    '/kfrelease submit Notebooks',
    ALAN,
    '⚠️ You cannot submit revisions for "Notebooks": only its liaisons, the release manager or an admin can.',
  ],
  ['Pipelines liaison', '/kfrelease deps Notebooks', ALAN, NOTEBOOKS_DEPS],
  [
    'Pipelines liaison',
    '/kfrelease blocker at-risk kubeflow/kubeflow#7610',
    ALAN,
    '⚠️ Only the release manager of v1.11.0 (@Ada Lovelace), the Notebooks liaisons (@Grace Hopper) or an admin can mark a blocking issue at risk for Notebooks.',
  ],
  [
    'Pipelines liaison',
    '/kfrelease check wg-docs-updated Notebooks',
    ALAN,
    // Notebooks has no WG Documentation Lead: that role is left out.
    '⚠️ Only the Docs Lead (@Margaret Hamilton), the Notebooks Release Team Member (WG liaison) (@Grace Hopper), the Product Manager (@Radia Perlman) or an admin can tick "Documentation of the working group up to date" for Notebooks.',
  ],
  ['Pipelines liaison', '/kfrelease replan rc.1 2026-05-26', ALAN, ONLY_RM('re-plan v1.11.0')],
  [
    'shadow and Notebooks liaison',
    '/kfrelease phase advance',
    GRACE,
    ONLY_RM('move v1.11.0 to its next phase'),
  ],
  [
    'shadow and Notebooks liaison',
    '/kfrelease delay rc.1 2026-05-29 Pipelines needs a week',
    GRACE,
    ONLY_RM('delay v1.11.0'),
  ],
  [
    'shadow and Notebooks liaison',
    '/kfrelease meeting set tue 16:00',
    GRACE,
    '⚠️ Only the release manager of v1.11.0 or an admin can set the release team meeting.',
  ],
  [
    'shadow and Notebooks liaison',
    '/kfrelease blocker punt kubeflow/manifests#2987 Later',
    GRACE,
    '⚠️ Only the release manager of v1.11.0 (@Ada Lovelace), the Manifests liaisons (@Barbara Liskov) or an admin can punt a blocking issue to the next release for Manifests.',
  ],
  ['docs lead', '/kfrelease signoff', MARGARET, NO_SIGNOFF],
  ['docs lead', '/kfrelease feature add', MARGARET, NO_FEATURES],
  ['docs lead', '/kfrelease submit Pipelines', MARGARET, NOT_A_LIAISON],
  ['product manager', '/kfrelease docs add', RADIA, NO_DOCS],
  ['product manager', '/kfrelease feature add', RADIA, NO_FEATURES],
  [
    'product manager',
    '/kfrelease manifests pr all',
    RADIA,
    '⚠️ Only the release manager, a release team member (WG liaison) or an admin can open the manifests pull requests of v1.11.0.',
  ],
  ['Pipelines WG docs lead', '/kfrelease submit Pipelines', FRANCES, NOT_A_LIAISON],
  [
    'Pipelines WG docs lead',
    '/kfrelease check wg-docs-updated Notebooks',
    FRANCES,
    '⚠️ Only the Docs Lead (@Margaret Hamilton), the Notebooks Release Team Member (WG liaison) (@Grace Hopper), the Product Manager (@Radia Perlman) or an admin can tick "Documentation of the working group up to date" for Notebooks.',
  ],
  ['Notebooks WG test lead', '/kfrelease feature add', JOHN, NO_FEATURES],
  [
    'Notebooks WG test lead',
    '/kfrelease check wg-docs-updated Pipelines',
    JOHN,
    WG_DOCS_UPDATED('Pipelines', '@Frances Allen', '@Alan Turing'),
  ],
  ['guest with no role', '/kfrelease replan', SAM, ONLY_RM('re-plan v1.11.0')],
  ['guest with no role', '/kfrelease deps Notebooks', SAM, NOTEBOOKS_DEPS],
  ['guest with no role', '/kfrelease docs add', SAM, NO_DOCS],
  ['guest with no role', '/kfrelease signoff', SAM, NO_SIGNOFF],
  ['guest with no role', '/kfrelease submit', SAM, NOT_A_LIAISON],
  [
    'guest with no role',
    '/kfrelease tracking-issue setup kubeflow/manifests',
    SAM,
    '⚠️ Only the release manager or a kfrelease admin can create the tracking issue of v1.11.0.',
  ],
  [
    'guest with no role',
    '/kfrelease action add Ask Training WG for the rc.1 tag @alan',
    SAM,
    '⚠️ Only members of its release team or an admin can manage the action items of v1.11.0.',
  ],
  [
    'guest with no role',
    '/kfrelease release create v1.12.0 2026-07-06 handbook-17w Europe/Berlin',
    SAM,
    '⚠️ Only kfrelease admins can create a release.',
  ],
  ['guest with no role', '/kfrelease away 2026-05-18 2026-05-22', SAM, '⚠️ kfrelease does not know you yet.'],
];

/** A button's refusal is one line of plain text, with what to do next. */
const SEE_TEAM = 'See who holds which role with /kfrelease team.';
const TRIAGE_REFUSED = (wg: string, liaison: string) =>
  `Only the release manager of v1.11.0 (@Ada Lovelace), the ${wg} liaisons (${liaison}) or an admin can triage a blocking issue for ${wg}. ${SEE_TEAM}`;
/** Triage… on the channel's blocking-issue posts, pressed by someone who may not triage that WG's issues. */
const TRIAGE: [who: string, post: string, user: string, refusal: string][] = [
  ['Pipelines liaison', 'reported 1 issue for Notebooks', ALAN, TRIAGE_REFUSED('Notebooks', '@Grace Hopper')],
  [
    'shadow and Notebooks liaison',
    'reported 1 issue for Manifests',
    GRACE,
    TRIAGE_REFUSED('Manifests', '@Barbara Liskov'),
  ],
  [
    'AWS distribution representative',
    'reported 1 issue for Manifests',
    DONALD,
    TRIAGE_REFUSED('Manifests', '@Barbara Liskov'),
  ],
  [
    'guest with no role',
    'reported 1 issue for Manifests',
    SAM,
    TRIAGE_REFUSED('Manifests', '@Barbara Liskov'),
  ],
];

/** Everyone but the release manager: Approve and Deny… on a held revision are hers. */
const NOT_THE_RM: [who: string, user: string][] = [
  ['guest with no role', SAM],
  ['shadow and Notebooks liaison', GRACE],
  ['Pipelines liaison who handed it over', ALAN],
  ['Training and AutoML liaison', KATHERINE],
  ['docs lead', MARGARET],
  ['AWS distribution representative', DONALD],
];

/**
 * The console as each role of the demo team: what their App Home shows them, the forms their
 * buttons open, and the app's refusal, word for word and with nothing changed, when they try
 * what their role does not allow (a command, Triage…, Approve or Deny… on a held revision). The
 * tests run in order on one sandbox; the last ones move the clock into Feature Freeze.
 */
describe('the console as each role of the demo team', () => {
  const ctx = useConsoleInChromium();
  const snapshot = () => databaseSnapshot(ctx.sandbox.services.store.db);

  /** Does something and returns the first line of the new answer only they see; no form may open. */
  async function answerTo(act: () => Promise<void>): Promise<string> {
    const answers = ctx.page.locator('.message.ephemeral');
    const before = await answers.count();
    await act();
    const answer = answers.nth(before);
    await answer.or(ctx.ui.modal).first().waitFor(WAIT);
    if (await ctx.ui.modal.isVisible())
      throw new Error(`a form opened: ${await ctx.ui.modal.locator('h2').textContent()}`);
    return (await answer.locator('.bk-text').first().innerText()).split('\n')[0] ?? '';
  }

  it.each(HOMES)(
    'App Home of the %s: their roles, what they owe and their buttons',
    async (_who, user, roles, owe, buttons) => {
      await ctx.ui.openHome(user);
      expect({
        sections: await ctx.page.locator('#home .bk-section').allInnerTexts(),
        buttons: await ctx.page.locator('#home .bk-button').allTextContents(),
      }).toEqual({ sections: [GLANCE, `Your roles: ${roles}`, owe], buttons });
    },
  );

  it.each(BUTTON_FORMS)(
    'App Home of the %s: %s opens its form, for what they may act on',
    async (_who, button, user, form) => {
      await ctx.ui.openHome(user);
      await ctx.page.locator('#home .bk-button', { hasText: button }).click(WAIT);
      await ctx.ui.modal.locator('h2').waitFor(WAIT);
      // The working group is the form's first choice, when it has one.
      const picker = ctx.ui.modal.locator('select').first().locator('option');
      const seen = {
        title: await ctx.ui.modal.locator('h2').textContent(),
        // The first option only asks to choose.
        groups: (await picker.allTextContents()).slice(1),
        labels: await ctx.ui.modal.locator('.bk-label').allTextContents(),
      };
      // Closed before checking, so a wrong form does not stay open over the next test.
      await ctx.ui.closeModal('Cancel');
      expect(seen).toEqual(form);
    },
  );

  it("App Home of the Pipelines WG docs lead: an item added with its button is on their Home and the Docs Lead's", async () => {
    await ctx.ui.openHome(FRANCES);
    await ctx.page.locator('#home .bk-button', { hasText: 'Add docs item' }).click(WAIT);
    await ctx.ui.modalTitled('Docs v1.11.0');
    await ctx.ui.field('Working group').locator('select').selectOption('Pipelines');
    await ctx.ui.field('Feature').locator('input').fill('Server-side paging of the run list');
    await ctx.ui.field('Status').locator('select').selectOption('Needed');
    await ctx.ui.submit();
    await ctx.ui.modalTitled('Docs item added');
    await ctx.ui.closeModal('Done');

    const item = '🔴 #1 Server-side paging of the run list (Needed) · no owner';
    await ctx.ui.openHome(FRANCES);
    const owes = ctx.page.locator('#home .bk-section', { hasText: 'What you owe' });
    await owes.filter({ hasText: 'Server-side paging' }).waitFor(WAIT);
    expect(await owes.innerText()).toBe(`What you owe\n📚 Open docs work of Pipelines (1):\n${item}`);
    await ctx.ui.openHome(MARGARET);
    await owes.filter({ hasText: 'Server-side paging' }).waitFor(WAIT);
    expect(await owes.innerText()).toBe(`What you owe\n📚 Open docs work of the release (1):\n${item}`);
  });

  it.each(REFUSED)('%s types %s: refused, and nothing changes', async (_who, command, user, refusal) => {
    await ctx.ui.openAs(user);
    const before = snapshot();
    expect(await answerTo(() => ctx.ui.type(command))).toBe(refusal);
    expect(snapshot()).toBe(before);
  });

  it.each(TRIAGE)(
    '%s presses Triage… on "%s": refused, and nothing changes',
    async (_who, post, user, refusal) => {
      await ctx.ui.openAs(user);
      const message = ctx.page.locator('.message:not(.ephemeral)', { hasText: post }).first();
      await message.waitFor(WAIT);
      const before = snapshot();
      expect(await answerTo(() => message.locator('.bk-button', { hasText: 'Triage…' }).click())).toBe(
        refusal,
      );
      expect(snapshot()).toBe(before);
    },
  );

  it.each([
    ['Notebooks liaison', 'reported 1 issue for Notebooks', GRACE],
    ['Manifests liaison', 'reported 1 issue for Manifests', BARBARA],
  ])('the %s presses Triage… on "%s": the decision form opens', async (_who, post, user) => {
    await ctx.ui.openAs(user);
    const message = ctx.page.locator('.message:not(.ephemeral)', { hasText: post }).first();
    await message.locator('.bk-button', { hasText: 'Triage…' }).click(WAIT);
    await ctx.ui.modalTitled('Triage blocking issue');
    await ctx.ui.closeModal('Cancel');
  });

  /** Alan hands over a Pipelines revision from his App Home; returns the form's answer for it. */
  async function submitPipelines(revision: string): Promise<string> {
    await ctx.ui.openHome(ALAN);
    await ctx.page.locator('#home .bk-button', { hasText: 'Submit revisions' }).click(WAIT);
    await ctx.ui.modalTitled('Revisions v1.11.0');
    await ctx.ui.field('kubeflow/pipelines').locator('input').fill(revision);
    await ctx.ui.submit();
    await ctx.ui.modalTitled('Revisions submitted');
    const answer = await ctx.ui.modal.locator('.modal-body').innerText();
    await ctx.ui.closeModal('Done');
    return answer;
  }
  const heldPost = (): Locator =>
    ctx.page
      .locator('.message:not(.ephemeral)', {
        hasText: 'Pipelines revision for Kubeflow v1.11.0 needs an exception from the release manager',
      })
      .last();

  it('held revision: in Feature Freeze the Pipelines liaison hands over 2.4.1, then 2.5.0, which is held', async () => {
    await ctx.ui.openAs(ALAN);
    await ctx.page.locator('.clock button[data-days="7"]').click(WAIT);
    await ctx.page.locator('#clock-label', { hasText: 'Thu 14 May 2026' }).waitFor(WAIT);
    expect(await submitPipelines('2.4.1')).toBe(
      'Pipelines revisions for Kubeflow v1.11.0\n• kubeflow/pipelines 2.4.1: ✅ accepted\nSee every component with /kfrelease versions.',
    );
    expect(await submitPipelines('2.5.0')).toBe(
      'Pipelines revisions for Kubeflow v1.11.0\n• kubeflow/pipelines 2.5.0: ✋ held for the release manager (you and the liaisons will hear the decision)\nSee every component with /kfrelease versions.',
    );
    await ctx.ui.openAs(ADA);
    await heldPost().waitFor(WAIT);
    expect(await heldPost().locator('.bk-button').allTextContents()).toEqual(['Approve', 'Deny…']);
  });

  it.each(NOT_THE_RM)(
    'held revision: the %s presses Approve and Deny…: refused, and nothing changes',
    async (_who, user) => {
      await ctx.ui.openAs(user);
      const held = heldPost();
      await held.waitFor(WAIT);
      const before = snapshot();
      for (const [button, what] of [
        ['Approve', 'approve'],
        ['Deny…', 'deny'],
      ] as const) {
        expect(await answerTo(() => held.locator('.bk-button', { hasText: button }).click())).toBe(
          `Only the release manager of v1.11.0 or an admin can ${what} a held revision. ${SEE_TEAM}`,
        );
      }
      expect(snapshot()).toBe(before);
      expect(await held.locator('.bk-button').allTextContents()).toEqual(['Approve', 'Deny…']);
    },
  );

  it("held revision: the release manager's Approve on the same message grants the exception", async () => {
    await ctx.ui.openAs(ADA);
    await heldPost().locator('.bk-button', { hasText: 'Approve' }).click(WAIT);
    const granted = ctx.page.locator('.message:not(.ephemeral)', {
      hasText: /✅ Exception granted by @Ada Lovelace/,
    });
    await granted.waitFor(WAIT);
    expect(await heldPost().count()).toBe(0);
  });
});
