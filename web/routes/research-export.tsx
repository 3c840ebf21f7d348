import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import type { Route } from './+types/research-export.ts';

/**
 * The CSV export of a survey's responses, streamed as it is read (batches of 500): a plain link downloads
 * it without JavaScript; `X-Total-Count` lets the results page show the download's progress.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const csv = await guard(web.locale, () => web.api.exportSurveyResponses(params.slug, params.surveyId));
  const encoder = new TextEncoder();
  const iterator = csv.lines[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csv.filename}"`,
      'x-total-count': String(csv.total),
      'cache-control': 'private, no-store',
    },
  });
}
