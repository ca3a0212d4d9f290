import type { BlockAction } from '@slack/bolt';
import type { AppServices } from '../../../app-services';
import { parseVersion } from '../../../domain/version';
import { chooseRelease } from '../../../workflows/find-release';

/**
 * The release a button opens its form for: the version the button carries (every kfrelease button
 * that opens a form names its release), else the one chooseRelease picks for the channel it was
 * pressed in (a button of an older message that named none).
 */
export function buttonRelease(services: AppServices, body: BlockAction): string {
  const action = body.actions[0];
  const value = action && 'value' in action && typeof action.value === 'string' ? action.value : '';
  const parsed = value ? parseVersion(value) : null;
  if (parsed?.ok) return parsed.version.canonical;
  return chooseRelease(services, body.channel?.id ?? null).release.version;
}
