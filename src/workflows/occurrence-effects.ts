import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import type { Occurrence } from '../domain/due-occurrences';
import { turnFeaturesAtRisk } from './feature-freeze';

/**
 * What an occurrence changes besides posting, inside the transaction that records it as run: so
 * it happens exactly once, however many ticks or processes find it due. Only the start of Feature
 * Freeze changes anything: every feature not landed turns at risk.
 */
export function applyOccurrence(store: Store, release: ReleaseRow, occurrence: Occurrence, at: string): void {
  if (occurrence.kind === 'phase_start' && occurrence.phase?.key === 'feature_freeze')
    turnFeaturesAtRisk(store, release, at);
}
