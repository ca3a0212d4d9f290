import type { App } from '@slack/bolt';
import type { AppServices } from '../../../app-services';
import { APPROVE_REVISION, DENY_REVISION } from '../../blocks/revision-blocks';
import { OPEN_SUBMIT_FORM } from '../../blocks/status-blocks';
import { PICK_WG_ACTION } from '../../blocks/submit-revision-view';
import { registerBlockerActions } from './blocker-actions';
import { registerHomeActions } from './home-actions';
import { approveRevision, denyRevision } from './revision-decision-actions';
import { openSubmitForm, pickWorkingGroup } from './revision-form-actions';

export function registerActions(app: App, services: AppServices): void {
  app.action(OPEN_SUBMIT_FORM, openSubmitForm(services));
  app.action(PICK_WG_ACTION, pickWorkingGroup(services));
  app.action(APPROVE_REVISION, approveRevision(services));
  app.action(DENY_REVISION, denyRevision(services));
  registerHomeActions(app, services);
  registerBlockerActions(app, services);
}
