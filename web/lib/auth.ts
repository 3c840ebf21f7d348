import { redirect } from 'react-router';

/** Redirects and forwards the Set-Cookie headers better-auth produced (session cookies). */
export function redirectWithCookies(to: string, setCookies: string[]): Response {
  const headers = new Headers();
  for (const cookie of setCookies) headers.append('set-cookie', cookie);
  return redirect(to, { headers });
}

/** Keeps a post-sign-in destination on this site (no open redirects). */
export function safeRedirect(to: string | null | undefined, fallback = '/'): string {
  if (!to || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}
