import type { SignoffField } from '../../src/workflows/submit-signoff';
import { viewSubmission } from './slack-request';

/** What a representative filled in: any field may be left out, as Slack sends an empty one. */
export type SignoffForm = Partial<Record<SignoffField, string>>;

const select = (value: string | undefined) => ({
  type: 'static_select',
  selected_option: value === undefined ? null : { value },
});

/** The sign-off form of v1.10.0 as Slack submits it. */
export function signoffSubmission(user: string, form: SignoffForm): object {
  return viewSubmission({
    user,
    callbackId: 'distribution_signoff',
    privateMetadata: JSON.stringify({ release: 'v1.10.0' }),
    values: {
      distribution: { distribution: select(form.distribution) },
      rc: { rc: select(form.rc) },
      result: {
        result: { type: 'radio_buttons', selected_option: form.result ? { value: form.result } : null },
      },
      issues: { issues: form.issues ?? '' },
      kubernetes: { kubernetes: form.kubernetes ?? '' },
      evidence: { evidence: { type: 'url_text_input', value: form.evidence ?? null } },
      notes: { notes: form.notes ?? '' },
    },
  });
}
