import { redirect } from 'react-router';
import { isLocale } from '../../common/i18n/index.ts';
import { appContext } from '../context.ts';
import { safeRedirect } from '../lib/auth.ts';
import { text } from '../lib/errors.ts';
import type { Route } from './+types/locale.ts';

export function loader() {
  return redirect('/');
}

/** Switches the interface language: a year-long cookie, and the account's setting when signed in. */
export async function action({ context, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const locale = text(form, 'locale');
  const to = safeRedirect(text(form, 'redirectTo'));
  if (!isLocale(locale)) return redirect(to);
  if (web.viewer) await web.api.updateMe({ locale });
  return redirect(to, {
    headers: { 'set-cookie': `cercle_locale=${locale}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}
