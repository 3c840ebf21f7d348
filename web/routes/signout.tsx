import { redirect } from 'react-router';
import { appContext } from '../context.ts';
import { redirectWithCookies } from '../lib/auth.ts';
import type { Route } from './+types/signout.ts';

export function loader() {
  return redirect('/');
}

export async function action({ context }: Route.ActionArgs) {
  const result = await context.get(appContext).api.auth.signOut();
  return redirectWithCookies('/', result.setCookies);
}
