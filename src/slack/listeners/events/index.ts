import type { SlackRouter } from '../slack-router';
import type { AppServices } from '../../../app-services';
import { appHomeOpened } from './app-home-opened';

export function registerEvents(router: SlackRouter, services: AppServices): void {
  router.event('app_home_opened', appHomeOpened(services));
}
