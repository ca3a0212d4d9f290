import type { App } from '@slack/bolt';
import type { AppServices } from '../../../app-services';
import { kfreleaseCommand } from './kfrelease-command';

export const COMMAND_NAME = '/kfrelease';

export function registerCommands(app: App, services: AppServices): void {
  app.command(COMMAND_NAME, kfreleaseCommand(services));
}
