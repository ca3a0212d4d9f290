import type { SlackRouter } from '../slack-router';
import type { AppServices } from '../../../app-services';
import { DENY_REVISION_VIEW, SUBMIT_REVISION_VIEW } from '../../blocks/submit-revision-view';
import { registerBlockerViews } from './blocker-views';
import { denyRevisionSubmitted } from './deny-revision';
import { registerDependencyViews } from './dependency-views';
import { registerDocsViews } from './docs-views';
import { registerFeatureViews } from './feature-views';
import { registerPhaseEndViews } from './phase-end-views';
import { registerReplanViews } from './replan-views';
import { registerSignoffViews } from './signoff-views';
import { submitRevisionSubmitted } from './submit-revision';

export function registerViews(router: SlackRouter, services: AppServices): void {
  router.view(SUBMIT_REVISION_VIEW, submitRevisionSubmitted(services));
  router.view(DENY_REVISION_VIEW, denyRevisionSubmitted(services));
  registerDocsViews(router, services);
  registerFeatureViews(router, services);
  registerSignoffViews(router, services);
  registerBlockerViews(router, services);
  registerReplanViews(router, services);
  registerPhaseEndViews(router, services);
  registerDependencyViews(router, services);
}
