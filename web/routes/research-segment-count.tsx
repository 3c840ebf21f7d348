import { appContext } from '../context.ts';
import { asAppError } from '../lib/errors.ts';
import { segmentFilterFromForm } from '../lib/segment-form.ts';
import type { Route } from './+types/research-segment-count.ts';

/** POST the segment editor's form: `{ size }` as JSON, for the live count while a filter is edited. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  try {
    const { items } = await web.api.listProfileAttributes(params.slug);
    const filter = segmentFilterFromForm(form, items);
    return Response.json(await web.api.previewSegmentSize(params.slug, { filter }), {
      headers: { 'cache-control': 'private, no-store' },
    });
  } catch (error) {
    const refusal = asAppError(error);
    if (!refusal) throw error;
    return Response.json(
      { size: null },
      { status: refusal.status, headers: { 'cache-control': 'private, no-store' } },
    );
  }
}
