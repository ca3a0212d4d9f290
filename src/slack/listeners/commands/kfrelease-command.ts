import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppServices } from '../../../app-services';
import { runCommand } from '../../commands/run-command';

/** `/kfrelease ...`: answered in the acknowledgement itself, so the user sees it at once. */
export function kfreleaseCommand(services: AppServices) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const logger = services.logger.child({ user: command.user_id, channel: command.channel_id });
    const result = runCommand(
      { services: { ...services, logger }, userId: command.user_id, channelId: command.channel_id ?? null },
      command.text ?? '',
    );
    logger.info(
      { subcommand: (command.text ?? '').trim().split(/\s+/)[0] || 'help', outcome: result.outcome },
      'command answered',
    );
    await ack({
      response_type: result.share ? 'in_channel' : 'ephemeral',
      text: result.answer.text,
      blocks: result.answer.blocks,
    });
  };
}
