import { z } from 'zod';

/** A git revision as a person types it: a tag, a branch or a commit SHA, checked before GitHub is asked. */
export const revisionTextSchema = z
  .string()
  .trim()
  .min(1, 'Give a tag, branch or commit SHA.')
  .max(100, 'That is longer than 100 characters: give a tag, branch or commit SHA, e.g. v1.10.0.')
  .refine((text) => !/^(https?:\/\/|github\.com\/|www\.)/i.test(text), {
    message: 'That looks like a URL: give only the tag, branch or commit, e.g. v1.10.0.',
  })
  .refine((text) => !/\s/.test(text), {
    message: 'A revision has no spaces: give one tag, branch or commit SHA.',
  })
  .refine((text) => /^[A-Za-z0-9._/+-]+$/.test(text), {
    message: 'Git names use only letters, digits and . _ / + -: check for a stray character.',
  })
  .refine((text) => !/^[-/.]|\.\.|\/\/|[/.]$|\.lock$/.test(text), {
    message: 'That is not a valid git tag or branch name (it starts or ends oddly, or has "..").',
  });

/** The optional note that goes with a submission. */
export const noteSchema = z.string().trim().max(500, 'Keep the note under 500 characters.').default('');
