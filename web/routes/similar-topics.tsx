import { redirect } from 'react-router';
import { appContext } from '../context.ts';
import { text } from '../lib/errors.ts';
import type { Route } from './+types/similar-topics.ts';

/** Whether an error is one of Cercle's AppErrors (a refusal), recognised by its shape. */
function isRefusal(error: unknown): boolean {
  const e = error as { code?: unknown; status?: unknown } | null;
  return !!e && typeof e.code === 'string' && typeof e.status === 'number';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET `?title=`: up to five solved questions resembling the title (JSON, for the ask form as it is typed). */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const title = new URL(request.url).searchParams.get('title') ?? '';
  try {
    return Response.json(await web.api.suggestSimilarTopics(params.slug, { title }), {
      headers: { 'cache-control': 'private, no-store' },
    });
  } catch (error) {
    // An empty or refused title, or a community the viewer cannot read: nothing to suggest.
    if (!isRefusal(error)) throw error;
    return Response.json({ items: [] }, { headers: { 'cache-control': 'private, no-store' } });
  }
}

/**
 * POST from the ask form (`topicId`, `title`): records that the member opened a suggested question
 * (deflection), then shows the question. Recording is a measurement: when it is refused (anonymous
 * visitor, observer), the question still opens.
 */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const topicId = text(form, 'topicId');
  if (!UUID.test(topicId)) return redirect(`/c/${params.slug}`);
  try {
    await web.api.recordDeflectionView(params.slug, { topicId, title: text(form, 'title').slice(0, 200) });
  } catch (error) {
    if (!isRefusal(error)) throw error;
  }
  return redirect(`/c/${params.slug}/t/${topicId}`);
}
