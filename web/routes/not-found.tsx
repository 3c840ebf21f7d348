import { data } from 'react-router';
import { translate } from '../../common/i18n/index.ts';
import { appContext } from '../context.ts';
import type { Route } from './+types/not-found.ts';
import { titled } from '../lib/meta.ts';

export function loader({ context }: Route.LoaderArgs) {
  const web = context.get(appContext);
  throw data({ code: 'not_found', message: translate(web.locale, 'error.not_found') }, { status: 404 });
}

export default function NotFound() {
  return null;
}

export const meta = titled('error.notFoundTitle');
