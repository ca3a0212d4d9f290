import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppServices } from '../../../app-services';
import { retryWhileBusy } from '../../../db/database-busy';
import { isUserError, newErrorId } from '../../../errors';
import { unexpectedErrorBlocks, userErrorBlocks } from '../../blocks/error-blocks';
import { runCommand, type CommandResult } from '../../commands/run-command';

/** `/kfrelease ...`: answered in the acknowledgement itself, or by opening a modal. */
export function kfreleaseCommand(services: AppServices) {
  return async ({
    command,
    ack,
    client,
    respond,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const logger = services.logger.child({ user: command.user_id, channel: command.channel_id });
    const ctx = {
      services: { ...services, logger },
      userId: command.user_id,
      channelId: command.channel_id ?? null,
    };
    const result = await retryWhileBusy(() => runCommand(ctx, command.text ?? '')).catch(
      (error: unknown): CommandResult => {
        if (!isUserError(error)) throw error;
        return { answer: userErrorBlocks(error), share: false, outcome: 'user_error' };
      },
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
