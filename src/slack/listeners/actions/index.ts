import type { SlackRouter } from '../slack-router';
import type { AppServices } from '../../../app-services';
import { APPROVE_REVISION, DENY_REVISION } from '../../blocks/revision-blocks';
import { OPEN_SUBMIT_FORM } from '../../blocks/status-blocks';
import { PICK_WG_ACTION } from '../../blocks/submit-revision-view';
import { registerBlockerActions } from './blocker-actions';
import { registerFeatureActions } from './feature-actions';
import { registerHomeActions } from './home-actions';
import { registerOutboxActions } from './outbox-actions';
import { registerPhaseEndActions } from './phase-end-actions';
import { registerReleaseCreateActions } from './release-create-actions';
import { registerReplanActions } from './replan-actions';
import { registerSignoffActions } from './signoff-actions';
import { approveRevision, denyRevision } from './revision-decision-actions';
import { openSubmitForm, pickWorkingGroup } from './revision-form-actions';

export function registerActions(router: SlackRouter, services: AppServices): void {
  router.action(OPEN_SUBMIT_FORM, openSubmitForm(services));
  router.action(PICK_WG_ACTION, pickWorkingGroup(services));
  router.action(APPROVE_REVISION, approveRevision(services));
  router.action(DENY_REVISION, denyRevision(services));
  registerHomeActions(router, services);
  registerFeatureActions(router, services);
  registerBlockerActions(router, services);
  registerReplanActions(router, services);
  registerPhaseEndActions(router, services);
  registerOutboxActions(router, services);
  registerSignoffActions(router, services);
  registerReleaseCreateActions(router, services);
}
