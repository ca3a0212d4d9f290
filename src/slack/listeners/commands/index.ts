import type { SlackRouter } from '../slack-router';
import type { AppServices } from '../../../app-services';
import { kfreleaseCommand } from './kfrelease-command';

export const COMMAND_NAME = '/kfrelease';

export function registerCommands(router: SlackRouter, services: AppServices): void {
  router.command(COMMAND_NAME, kfreleaseCommand(services));
}
