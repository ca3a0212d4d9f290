import type { App } from '@slack/bolt';
import type { AppServices } from '../../../app-services';
import { appHomeOpened } from './app-home-opened';

export function registerEvents(app: App, services: AppServices): void {
  app.event('app_home_opened', appHomeOpened(services));
}
