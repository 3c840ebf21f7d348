import { EmailLinkPage, emailLinkAction } from '../components/email-link-page.tsx';
import { appContext } from '../context.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/forgot-password.ts';

export const meta = titled('auth.forgot.title');

export async function action({ context, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  return emailLinkAction(
    web,
    request,
    (email) => web.api.auth.requestPasswordReset(email),
    'auth.forgot.sent',
  );
}

export default function ForgotPassword() {
  return <EmailLinkPage titleKey="auth.forgot.title" submitKey="auth.forgot.submit" />;
}
