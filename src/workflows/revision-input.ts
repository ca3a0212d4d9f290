import { z } from 'zod';

/**
 * Says which characters cannot be in a git name, so a pasted command (`v1.0; rm -rf /`) or a
 * stray quote is named instead of hinted at; null when there are none.
 */
function strayCharacters(text: string): string | null {
  const stray = [...new Set(text.replace(/[A-Za-z0-9._/+-]/g, ''))];
  const spaces = stray.some((c) => /\s/.test(c));
  const others = stray.filter((c) => !/\s/.test(c)).map((c) => JSON.stringify(c));
  if (others.length === 0)
    return spaces ? 'A revision has no spaces: give one tag, branch or commit SHA.' : null;
  const list = others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} and ${others.at(-1)}`;
  return `${spaces ? 'Spaces and ' : ''}${list} cannot be in a git name: use only letters, digits and . _ / + -, e.g. v1.10.0.`;
}

/** A git revision as a person types it: a tag, a branch or a commit SHA, checked before GitHub is asked. */
export const revisionTextSchema = z
  .string()
  .trim()
  .min(1, 'Give a tag, branch or commit SHA.')
  .max(100, 'That is longer than 100 characters: give a tag, branch or commit SHA, e.g. v1.10.0.')
  .refine((text) => !/^(https?:\/\/|github\.com\/|www\.)/i.test(text), {
    message: 'That looks like a URL: give only the tag, branch or commit, e.g. v1.10.0.',
  })
  .superRefine((text, ctx) => {
    const problem = strayCharacters(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .refine((text) => !/^[-/.]|\.\.|\/\/|[/.]$|\.lock$/.test(text), {
    message: 'That is not a valid git tag or branch name (it starts or ends oddly, or has "..").',
  });

/** The optional note that goes with a submission. */
export const noteSchema = z.string().trim().max(500, 'Keep the note under 500 characters.').default('');
