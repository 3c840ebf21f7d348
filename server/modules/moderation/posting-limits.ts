import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { loadSupportSettings } from '../support/support-settings.ts';
import { rankSkipsPremoderation } from '../rewards/standing.repository.ts';
import { countPublishedPosts, lockAndCountRecentPosts } from './moderation.repository.ts';

const DAY_MS = 86_400_000;

/**
 * Applies a community's posting rules to a member about to post a topic or a reply, inside the posting
 * transaction: refuses the post when the member already wrote `burstPosts` posts in the last
 * `burstSeconds` or `hourlyPosts` in the last hour, and returns the status the post gets: `pending` in a
 * pre-moderated board or, when the community pre-moderates newcomers, for a member who joined less than
 * `newcomerDays` days ago or has fewer than `newcomerPosts` published posts; `published` otherwise. Staff
 * are exempt from both. The membership row is locked, so one member's concurrent posts count each other.
 * @throws AppError(rate_limited, with `retryAfter` in seconds)
 */
export async function checkPostingLimits(
  trx: Queryable,
  post: { communityId: string; membershipId: string; staff: boolean; premoderatedBoard: boolean },
): Promise<'published' | 'pending'> {
  if (post.staff) return 'published';
  const settings = await loadSupportSettings(trx, post.communityId);
  const facts = await lockAndCountRecentPosts(trx, post.membershipId, settings.burstSeconds);
  const now = facts.now.getTime();
  const waitUntil = (oldest: Date | null, windowSeconds: number) =>
    Math.max(1, Math.ceil(((oldest?.getTime() ?? now) + windowSeconds * 1000 - now) / 1000));
  if (facts.burst >= settings.burstPosts) {
    throw new AppError('rate_limited', {
      messageKey: 'moderation.tooFast',
      retryAfter: waitUntil(facts.oldest_burst, settings.burstSeconds),
    });
  }
  if (facts.hourly >= settings.hourlyPosts) {
    throw new AppError('rate_limited', {
      messageKey: 'moderation.hourlyLimit',
      retryAfter: waitUntil(facts.oldest_hourly, 3600),
    });
  }
  if (post.premoderatedBoard) return 'pending';
  if (!settings.newcomerPremoderation) return 'published';
  // Progressive trust: a rank can lift newcomer pre-moderation (points area).
  if (await rankSkipsPremoderation(trx, post.membershipId)) return 'published';
  if (now - facts.joinedAt.getTime() < settings.newcomerDays * DAY_MS) return 'pending';
  const published = await countPublishedPosts(trx, post.membershipId, settings.newcomerPosts);
  return published < settings.newcomerPosts ? 'pending' : 'published';
}
