import { EmailLinkPage, emailLinkAction } from '../components/email-link-page.tsx';
import { appContext } from '../context.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/magic-link.ts';

export const meta = titled('auth.magic.title');

export async function action({ context, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  return emailLinkAction(web, request, (email) => web.api.auth.magicLink(email), 'auth.magic.sent');
}

export default function MagicLink() {
  return <EmailLinkPage titleKey="auth.magic.title" submitKey="auth.magic.submit" />;
}
