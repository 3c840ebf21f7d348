import { data, redirect } from 'react-router';
import type { TopicDto } from '../../server/modules/support/support.schemas.ts';
import type { WebContext } from '../../server/web/web-context.ts';
import { attempt, fieldRefusal, text } from './errors.ts';

/** The intents of the topic page's post tools (edit, delete, lock, pin, move, merge). */
export const POST_TOOL_INTENTS = [
  'editTopic',
  'editReply',
  'deleteTopic',
  'deleteReply',
  'lock',
  'unlock',
  'pin',
  'unpin',
  'move',
  'merge',
] as const;
/** One post-tool intent. */
export type PostToolIntent = (typeof POST_TOOL_INTENTS)[number];

/** Which form an action result belongs to: its intent and the post it acted on. */
export interface ToolTarget {
  intent: PostToolIntent;
  id: string;
}

const isToolIntent = (intent: string): intent is PostToolIntent =>
  (POST_TOOL_INTENTS as readonly string[]).includes(intent);

/** What a loaded topic page needs for its tools: the boards a topic may move to (staff only). */
export async function loadPostTools(web: WebContext, slug: string, topic: TopicDto) {
  // A merged topic lives on in its target: send readers and search engines there for good.
  if (topic.mergedIntoId) throw redirect(`/c/${slug}/t/${topic.mergedIntoId}`, 301);
  if (!topic.abilities.arrange) return { boards: [] };
  const { items } = await web.api.listBoards(slug);
  return { boards: items.map((b) => ({ id: b.id, slug: b.slug, title: b.title })) };
}

/** The id of a topic in what a moderator pasted: its address (`…/t/<id>`) or the id itself. */
export function topicIdOf(reference: string): string | null {
  const ids = reference.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi);
  return ids ? ids[ids.length - 1].toLowerCase() : null;
}

/**
 * Runs a post-tool intent of the topic page through the API (null when the intent is not one of them).
 * Results and refusals carry `tool` so only the form that was sent shows them.
 */
export async function runPostTool(
  web: WebContext,
  params: { slug: string; topicId: string },
  form: FormData,
  intent: string,
) {
  if (!isToolIntent(intent)) return null;
  const id = intent === 'editReply' || intent === 'deleteReply' ? text(form, 'replyId') : params.topicId;
  const tool: ToolTarget = { intent, id };
  const slug = params.slug;
  if (intent === 'merge' && !topicIdOf(text(form, 'target'))) {
    const refusal = fieldRefusal(web.locale, 'target', 'support.tools.invalidTopicRef');
    return data({ ...refusal.data, tool }, refusal.init ?? undefined);
  }
  const result = await attempt(web.locale, async () => {
    switch (intent) {
      case 'editTopic':
        await web.api.updateTopic(slug, id, { title: text(form, 'title'), body: text(form, 'body') });
        return { done: 'edited' as const, tool };
      case 'editReply':
        await web.api.updateReply(slug, id, { body: text(form, 'body') });
        return { done: 'edited' as const, tool };
      case 'deleteTopic': {
        const topic = await web.api.getTopic(slug, id);
        await web.api.deletePost(slug, 'topic', id);
        // Members no longer see a deleted topic: go back to its board.
        return redirect(`/c/${slug}/b/${topic.board.slug}`);
      }
      case 'deleteReply':
        await web.api.deletePost(slug, 'reply', id);
        return { done: 'deletedReply' as const, tool };
      case 'lock':
      case 'unlock':
        await web.api.updateTopic(slug, id, { locked: intent === 'lock' });
        return { done: intent === 'lock' ? ('locked' as const) : ('unlocked' as const), tool };
      case 'pin':
      case 'unpin':
        await web.api.updateTopic(slug, id, { pinned: intent === 'pin' });
        return { done: intent === 'pin' ? ('pinned' as const) : ('unpinned' as const), tool };
      case 'move':
        await web.api.updateTopic(slug, id, { boardId: text(form, 'boardId') });
        return { done: 'moved' as const, tool };
      case 'merge': {
        const target = await web.api.mergeTopic(slug, id, topicIdOf(text(form, 'target'))!);
        return redirect(`/c/${slug}/t/${target.id}`);
      }
    }
  });
  if (result instanceof Response || !('init' in result)) return result;
  return data({ ...result.data, tool }, result.init ?? undefined);
}
