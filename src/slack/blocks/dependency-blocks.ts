import type { PlainTextInput } from '@slack/types';
import type { DependencyRow } from '../../domain/dependency-ranges';
import { bold, code, join, md, type Mrkdwn } from '../../text/mrkdwn';
import type { DependencyMatrixView } from '../../workflows/dependency-matrix';
import {
  componentField,
  dependencyField,
  type DeclarationForm,
  type DeclareResult,
} from '../../workflows/dependency-declarations';
import {
  answer,
  context,
  header,
  input,
  LIMITS,
  listSection,
  modal,
  plain,
  section,
  type Block,
  type ModalView,
  type SlackAnswer,
} from './block-kit';
import { actor } from './format';

export const DECLARE_DEPENDENCIES_VIEW = 'declare_dependencies';
/** Every field's element has this action id; its block id says which field it is. */
export const DECLARATION_ACTION = 'value';

export interface DeclarationMetadata {
  release: string;
  wg: string;
  /** The component names in the order of their fields, so a later config change cannot misplace them. */
  components: string[];
}

const SEE_ALL = md`${code('npx kfrelease deps --markdown')}`;

function textField(initial: string | undefined, placeholder: string | undefined): PlainTextInput {
  return {
    type: 'plain_text_input',
    action_id: DECLARATION_ACTION,
    max_length: 60,
    ...(initial ? { initial_value: initial } : {}),
    ...(placeholder ? { placeholder: plain(`e.g. ${placeholder}`, LIMITS.placeholder) } : {}),
  };
}

/**
 * `/kfrelease deps`: a working group's expected final version per component (required) and its
 * supported range per common dependency (empty when it does not depend on it), filled with its
 * latest declaration.
 */
export function declarationView(form: Omit<DeclarationForm, 'release'> & { release: string }): ModalView {
  const current = form.current;
  const metadata: DeclarationMetadata = {
    release: form.release,
    wg: form.wg,
    components: form.components.map((c) => c.name),
  };
  const components = form.components.map((c, i) =>
    input({
      blockId: componentField(i),
      label: `${c.name}: expected final version`,
      element: textField(current?.expectedVersions[c.name], 'v1.10.0'),
      hint: `The version ${c.repo} will ship in Kubeflow ${form.release}.`,
    }),
  );
  const dependencies = form.dependencies.map((dep) =>
    input({
      blockId: dependencyField(dep.id),
      label: `${dep.name}: supported range`,
      element: textField(current?.ranges[dep.id], dep.example ?? '>=1.29 <1.32'),
      optional: true,
      hint: `Leave empty if ${form.wg} does not depend on ${dep.name}.`,
    }),
  );
  const since = current
    ? md`Last declared by ${actor(current.declaredBy)} on ${current.declaredAt.slice(0, 10)}; saving replaces it.`
    : md`Ranges read like ${code('>=1.29 <1.32')}, ${code('1.29.x')} or ${code('^1.29')}.`;
  return modal({
    callbackId: DECLARE_DEPENDENCIES_VIEW,
    privateMetadata: JSON.stringify(metadata),
    title: `Declare ${form.wg}`,
    submit: 'Declare',
    close: 'Cancel',
    blocks: [
      section(md`*${form.wg}* for Kubeflow ${form.release}: expected versions and dependency ranges.`),
      context(since),
      ...components,
      ...dependencies,
    ],
  });
}

/** "Istio: `>=1.24 <1.25` does not meet Pipelines (`>=1.26`)". */
function conflictLine(c: Extract<DeclareResult, { kind: 'saved' }>['conflicts'][number]): Mrkdwn {
  const others = join(c.with.map((o) => md`${o.wg} (${code(o.range)})`));
  return md`:warning: ${bold(c.dependency)}: ${code(c.range)} has no version in common with ${others}`;
}

/** What the liaison sees once the declaration is saved, conflicts first. */
export function declarationSavedView(result: Extract<DeclareResult, { kind: 'saved' }>): ModalView {
  const { declaration, release } = result;
  const versions = Object.entries(declaration.expectedVersions).map(
    ([component, version]) => md`• ${component}: ${code(version)}`,
  );
  const ranges = result.dependencies.flatMap((dep) => {
    const range = declaration.ranges[dep.id];
    return range ? [md`• ${dep.name}: ${code(range)}`] : [];
  });
  const blocks: Block[] = [
    section(
      md`${bold(declaration.wg)}: expected versions and dependency ranges for ${release.version}, recorded.`,
    ),
  ];
  if (result.conflicts.length > 0)
    blocks.push(listSection(md`*Conflicts:*`, result.conflicts.map(conflictLine), SEE_ALL));
  if (versions.length > 0) blocks.push(listSection(md`*Expected final versions:*`, versions, SEE_ALL));
  blocks.push(
    ranges.length > 0
      ? listSection(md`*Supported ranges:*`, ranges, SEE_ALL)
      : section(md`_No common dependency declared._`),
  );
  blocks.push(context(md`Every working group's side by side: \`/kfrelease deps matrix\`.`));
  return modal({ callbackId: 'declare_dependencies_done', title: 'Declared', close: 'Done', blocks });
}

function rowLine(row: DependencyRow): Mrkdwn {
  const declared = row.cells.filter((c) => c.range !== null);
  if (declared.length === 0) return md`${bold(row.name)}: _no working group declared a range_`;
  const cells = join(
    declared.map((c) => md`${c.wg} ${code(c.range ?? '')}`),
    ' · ',
  );
  if (row.conflicts.length > 0) {
    const pairs = join(row.conflicts.map(([a, b]) => md`${a} / ${b}`));
    return md`:x: ${bold(row.name)}: *conflict* (${pairs})\n${cells}`;
  }
  return md`:white_check_mark: ${bold(row.name)}: common ${code(row.common ?? 'any')}\n${cells}`;
}

/** `/kfrelease deps matrix`: each dependency's ranges side by side, conflicts flagged. */
export function dependencyMatrixBlocks(view: DependencyMatrixView): SlackAnswer {
  const title = `Dependency ranges of Kubeflow ${view.version}`;
  const blocks: Block[] = [header(title)];
  const lead =
    view.conflicts.length > 0
      ? md`:rotating_light: *Ranges that do not intersect:* ${join(view.conflicts)}`
      : view.declared.length > 0
        ? md`No conflicts: every dependency has a version all declared ranges admit.`
        : md`No working group has declared yet.`;
  blocks.push(section(lead));
  if (view.missing.length > 0) {
    const owe = view.freeze ? 'Not declared yet' : 'Not declared (due from Feature Freeze)';
    blocks.push(section(md`*${owe}:* ${join(view.missing)}`));
  }
  blocks.push(listSection(null, view.rows.map(rowLine), SEE_ALL));
  const expected = view.declared.flatMap((d) =>
    d.expectedVersions.map((e) => md`• ${d.wg} · ${e.component}: ${code(e.version)}`),
  );
  if (expected.length > 0) blocks.push(listSection(md`*Expected final versions:*`, expected, SEE_ALL));
  blocks.push(
    context(
      md`Declare or change yours with \`/kfrelease deps\` · \`npx kfrelease deps --markdown\` prints the tables`,
    ),
  );
  return answer(md`${title}`, blocks);
}
