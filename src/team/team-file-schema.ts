import { z } from 'zod';
import { ROLE_KEYS, WG_ROLES } from '../domain/roles';

const member = z
  .object({
    name: z.string().trim().min(1, 'give the full name').max(100),
    github: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'must be a GitHub login, e.g. jdoe (no @, no URL)'),
    slack: z
      .string()
      .trim()
      .regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user ID such as U012ABCDEF (profile, ⋮, Copy member ID)')
      .nullish(),
    organization: z.string().trim().max(100).default(''),
    role: z.enum(ROLE_KEYS, { message: `must be one of ${ROLE_KEYS.join(', ')}` }),
    wg: z.string().trim().min(1).nullish(),
    distribution: z.string().trim().min(1).max(60).nullish(),
    shadow: z.boolean().default(false),
  })
  .superRefine((entry, ctx) => {
    if (WG_ROLES.includes(entry.role) && !entry.wg) {
      ctx.addIssue({ code: 'custom', path: ['wg'], message: `is required for role ${entry.role}` });
    }
    if (!WG_ROLES.includes(entry.role) && entry.wg) {
      ctx.addIssue({ code: 'custom', path: ['wg'], message: `only applies to ${WG_ROLES.join(', ')}` });
    }
    if (entry.role === 'distribution_rep' && !entry.distribution) {
      ctx.addIssue({
        code: 'custom',
        path: ['distribution'],
        message: 'is required for role distribution_rep',
      });
    }
    if (entry.role !== 'distribution_rep' && entry.distribution) {
      ctx.addIssue({ code: 'custom', path: ['distribution'], message: 'only applies to distribution_rep' });
    }
  });

/** The team file: one entry per role a person holds (see examples/team.yml). */
export const teamFileSchema = z.object({
  release: z.union([z.string(), z.number()]).transform(String).optional(),
  team: z.array(member).min(1, 'list at least one person'),
});

export type TeamFile = z.infer<typeof teamFileSchema>;
export type TeamFileEntry = TeamFile['team'][number];
