import { compareVersions, type VersionParts } from './dependency-ranges';

/** A release version as components and tags carry it: v1.10.0, 2.5.0, knative-v1.16.4, v1.10.0-rc.1. */
export interface LooseVersion {
  parts: VersionParts;
  /** Anything after the numbers (`-rc.1`): not a final version. */
  preRelease: string | null;
}

const LOOSE = /^(?:[A-Za-z][A-Za-z0-9_.-]*-)?v?(\d{1,6})\.(\d{1,6})(?:\.(\d{1,6}))?([-+].+)?$/i;

/** Reads the version inside a version or tag name; null when there is none. */
export function readLooseVersion(text: string): LooseVersion | null {
  const match = LOOSE.exec(text.trim());
  if (!match) return null;
  return {
    parts: [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)],
    preRelease: match[4] ?? null,
  };
}

/**
 * Reads the expected final version of a component: `v1.10.0`, `2.5.0`, `1.16` (tag-style prefixes
 * such as `knative-v1.16.4` are accepted). An RC or other pre-release is refused: it is not final.
 */
export function parseExpectedVersion(
  raw: string,
): { ok: true; version: string } | { ok: false; problem: string } {
  const text = raw.trim();
  const read = text.length <= 40 ? readLooseVersion(text) : null;
  if (!read)
    return { ok: false, problem: `"${text.slice(0, 40)}" is not a version: write it like v1.10.0 or 2.5.0.` };
  if (read.preRelease)
    return {
      ok: false,
      problem: `"${text}" is a pre-release: give the version the final release will have, e.g. ${text.slice(0, text.length - read.preRelease.length)}.`,
    };
  return { ok: true, version: text };
}

/** Whether two versions name the same release (1.16 and v1.16.0 do); unreadable ones never do. */
export function sameVersion(a: string, b: string): boolean {
  const x = readLooseVersion(a);
  const y = readLooseVersion(b);
  return x !== null && y !== null && compareVersions(x.parts, y.parts) === 0 && x.preRelease === y.preRelease;
}
