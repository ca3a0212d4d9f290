/** Who asks for a change: a Slack user, or an operator at the command line. */
export type Actor = { kind: 'slack'; userId: string } | { kind: 'cli'; name: string };

/** How the audit log names an actor. */
export function actorId(actor: Actor): string {
  return actor.kind === 'slack' ? actor.userId : `cli:${actor.name}`;
}
