import { data, Form, useActionData } from 'react-router';
import { translate } from '../../../common/i18n/index.ts';
import type { WebContext } from '../../../server/web/web-context.ts';
import { asAppError, text } from '../../lib/errors.ts';
import { useT } from '../../lib/i18n.ts';

/** The intent of the follow / unfollow forms of topic and board pages. */
export const FOLLOW_INTENT = 'follow';

/** Whether the viewer follows, and whether they may (active members who read it). */
export interface FollowView {
  following: boolean;
  canFollow: boolean;
}

/**
 * Runs the follow form of a topic or board page (null for other intents). The result carries `tool` so the
 * page's own forms ignore it, and a `followError` in the viewer's language when refused.
 */
export async function runFollow(
  web: WebContext,
  target: { type: 'topic'; slug: string; topicId: string } | { type: 'board'; slug: string; board: string },
  form: FormData,
) {
  if (text(form, 'intent') !== FOLLOW_INTENT) return null;
  const following = text(form, 'following') === 'true';
  try {
    if (target.type === 'topic') await web.api.followTopic(target.slug, target.topicId, following);
    else await web.api.followBoard(target.slug, target.board, following);
    return { tool: FOLLOW_INTENT, following };
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    const followError = translate(web.locale, appError.messageKey ?? `error.${appError.code}`);
    return data({ tool: FOLLOW_INTENT, followError }, { status: appError.status });
  }
}

/** Loads the follow state of a topic or a board for the viewer (never throws for visitors). */
export async function loadFollow(
  web: WebContext,
  target: { type: 'topic'; slug: string; topicId: string } | { type: 'board'; slug: string; board: string },
): Promise<FollowView> {
  if (!web.viewer) return { following: false, canFollow: false };
  const state =
    target.type === 'topic'
      ? await web.api.getTopicFollow(target.slug, target.topicId)
      : await web.api.getBoardFollow(target.slug, target.board);
  return { following: state.following, canFollow: state.canFollow };
}

/** A follow / unfollow button (a plain form: works without JavaScript). Nothing for those who may not follow. */
export function FollowForm({ type, follow }: { type: 'topic' | 'board'; follow: FollowView }) {
  const t = useT();
  const result: { tool?: string; followError?: string } | undefined = useActionData();
  if (!follow.canFollow) return null;
  const error = result?.tool === FOLLOW_INTENT ? result.followError : undefined;
  return (
    <Form method="post" className="follow-form">
      <input type="hidden" name="intent" value={FOLLOW_INTENT} />
      <input type="hidden" name="following" value={follow.following ? 'false' : 'true'} />
      {follow.following ? (
        <span className="meta">
          {t(type === 'topic' ? 'notifications.followingTopic' : 'notifications.followingBoard')}
        </span>
      ) : null}{' '}
      <button type="submit" className="button button--secondary" aria-pressed={follow.following}>
        {follow.following
          ? t(type === 'topic' ? 'notifications.unfollowTopic' : 'notifications.unfollowBoard')
          : t(type === 'topic' ? 'notifications.followTopic' : 'notifications.followBoard')}
      </button>
      {error ? (
        <span className="notice notice--error" role="alert">
          {error}
        </span>
      ) : null}
    </Form>
  );
}
