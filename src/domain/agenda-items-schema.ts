import { z } from 'zod';
import { PHASE_KEYS, type PhaseKey } from './phases';

const items = z.array(z.string().trim().min(1, 'must not be empty').max(300, 'keep it under 300 characters'));

/** The YAML shape of config/agenda-items.yml. */
export const agendaItemsFileSchema = z.strictObject({
  /** Items on every agenda, after the phase's own. */
  always: items.default([]),
  /** The handbook's actions for the release team, per phase key. */
  phases: z.partialRecord(z.enum(PHASE_KEYS), items).default({}),
});

export interface AgendaItemsConfig {
  always: string[];
  phases: Partial<Record<PhaseKey, string[]>>;
}

/** Validates a parsed agenda-items file; every problem at once, as "<source>: <path>: <problem>". */
export function parseAgendaItems(
  data: unknown,
  source: string,
): { ok: true; config: AgendaItemsConfig } | { ok: false; problems: string[] } {
  const parsed = agendaItemsFileSchema.safeParse(data ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue) => `${source}: ${issue.path.join('.') || '(file)'}: ${issue.message}`,
    ),
  };
}
