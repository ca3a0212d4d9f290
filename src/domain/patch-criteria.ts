import type { ParsedVersion } from './version';

/** The handbook's criteria for a fix to go into a patch release. */
export const PATCH_CRITERIA = {
  bug_fix: 'important bug fix',
  security_fix: 'critical security fix',
  documentation: 'documentation update',
} as const;
export type PatchCriterion = keyof typeof PATCH_CRITERIA;

const CRITERION_WORDS: Record<string, PatchCriterion> = {
  bug: 'bug_fix',
  bugfix: 'bug_fix',
  bug_fix: 'bug_fix',
  fix: 'bug_fix',
  important_bug_fix: 'bug_fix',
  security: 'security_fix',
  security_fix: 'security_fix',
  critical_security_fix: 'security_fix',
  cve: 'security_fix',
  docs: 'documentation',
  doc: 'documentation',
  documentation: 'documentation',
  docs_update: 'documentation',
};

/** "bug", "security", "docs" (and longer spellings) to a criterion; null for anything else. */
export function parseCriterion(word: string): PatchCriterion | null {
  return CRITERION_WORDS[word.trim().toLowerCase().replace(/-/g, '_')] ?? null;
}

/** The minor release a patch version belongs to: v1.10.0 for v1.10.1, 26.03 for 26.03.1. */
export function baseVersionOf(version: ParsedVersion): string {
  if (version.scheme === 'calver') {
    return `${String(version.major).padStart(2, '0')}.${String(version.minor).padStart(2, '0')}`;
  }
  return `v${version.major}.${version.minor}.0`;
}

/**
 * Checks a version names a patch release that can be opened next: a final version with a patch
 * number of 1 or more, the one after the patches already opened (v1.10.2 waits for v1.10.1).
 * Returns null when it is fine, otherwise a sentence saying what to do.
 */
export function patchVersionProblem(version: ParsedVersion, openedPatches: number[]): string | null {
  if (version.rc !== null) {
    return `${version.canonical} is a release candidate; a patch release has a final version such as v1.10.1.`;
  }
  if (version.patch === null || version.patch === 0) {
    return `${version.canonical} is not a patch version: a patch release of ${baseVersionOf(version)} is ${version.scheme === 'calver' ? `${baseVersionOf(version)}.1` : `v${version.major}.${version.minor}.1`}.`;
  }
  const expected = Math.max(0, ...openedPatches) + 1;
  if (version.patch > expected) {
    const name =
      version.scheme === 'calver'
        ? `${baseVersionOf(version)}.${expected}`
        : `v${version.major}.${version.minor}.${expected}`;
    return `Patch releases come one after the other: open ${name} before ${version.canonical}.`;
  }
  return null;
}
