import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import type { Route } from './+types/pseudonym-check.ts';

/** Resource route: is this pseudonym valid and free in the community? (the join form asks as one types) */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const query = new URL(request.url).searchParams;
  const pseudonym = (query.get('pseudonym') ?? '').slice(0, 100);
  const code = query.get('code')?.slice(0, 100) || undefined;
  return guard(web.locale, () => web.api.checkPseudonym(params.slug, pseudonym, code));
}
