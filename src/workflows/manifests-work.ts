/** The manifests previews and writes under way in this process, each until its outcome is queued. */
const underWay = new Set<Promise<void>>();

/** Counts `work` as under way until it settles. */
export function trackManifestsWork(work: Promise<void>): Promise<void> {
  const done = work.finally(() => underWay.delete(done));
  underWay.add(done);
  return done;
}

/**
 * Settles once every manifests preview or write started so far has queued its outcome: the app
 * waits for it before it stops, so no outcome is lost and nothing writes to a closed database.
 * Kept apart from manifests-pulls.ts so that the app can wait without loading that workflow.
 */
export async function manifestsWorkSettled(): Promise<void> {
  while (underWay.size > 0) await Promise.all([...underWay]);
}
