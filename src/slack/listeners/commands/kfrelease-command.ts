import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppServices } from '../../../app-services';
import { newErrorId } from '../../../errors';
import { unexpectedErrorBlocks } from '../../blocks/error-blocks';
import { runCommand } from '../../commands/run-command';

/** `/kfrelease ...`: answered in the acknowledgement itself, or by opening a modal. */
export function kfreleaseCommand(services: AppServices) {
  return async ({
    command,
    ack,
    client,
    respond,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const logger = services.logger.child({ user: command.user_id, channel: command.channel_id });
    const result = runCommand(
      { services: { ...services, logger }, userId: command.user_id, channelId: command.channel_id ?? null },
      command.text ?? '',
    );
    logger.info(
      { subcommand: (command.text ?? '').trim().split(/\s+/)[0] || 'help', outcome: result.outcome },
      'command answered',
    );
    if (!result.view) {
      await ack({
        response_type: result.share ? 'in_channel' : 'ephemeral',
        text: result.answer.text,
        blocks: result.answer.blocks,
      });
      return;
    }
    await ack();
    try {
      await client.views.open({ trigger_id: command.trigger_id, view: result.view });
    } catch (error) {
      const errorId = newErrorId();
      logger.error({ err: error, errorId }, 'could not open modal');
      await respond({ response_type: 'ephemeral', ...unexpectedErrorBlocks(errorId) });
    }
  };
}
