import type { App } from '@slack/bolt';
import type { AppServices } from '../../../app-services';
import { DENY_REVISION_VIEW, SUBMIT_REVISION_VIEW } from '../../blocks/submit-revision-view';
import { registerBlockerViews } from './blocker-views';
import { denyRevisionSubmitted } from './deny-revision';
import { registerDocsViews } from './docs-views';
import { registerSignoffViews } from './signoff-views';
import { submitRevisionSubmitted } from './submit-revision';

export function registerViews(app: App, services: AppServices): void {
  app.view(SUBMIT_REVISION_VIEW, submitRevisionSubmitted(services));
  app.view(DENY_REVISION_VIEW, denyRevisionSubmitted(services));
  registerDocsViews(app, services);
  registerSignoffViews(app, services);
  registerBlockerViews(app, services);
}
