import { Link, useSearchParams } from 'react-router';
import { FormMessage } from '../components/form.tsx';
import { safeRedirect } from '../lib/auth.ts';
import { useT, useViewer } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';

/** Where the email verification link lands (better-auth redirects here, signed in, or with ?error=). */
export default function Verified() {
  const t = useT();
  const viewer = useViewer();
  const [params] = useSearchParams();
  const failed = !!params.get('error');
  const next = safeRedirect(params.get('next'));
  return (
    <section className="narrow">
      <h1>{failed ? t('error.pageTitle') : t('auth.verify.title')}</h1>
      {failed ? (
        <FormMessage error={t('auth.verify.failed')} />
      ) : (
        <FormMessage success={t('auth.verify.done')} />
      )}
      <p>
        {failed || !viewer ? (
          <Link to={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>
            {t('nav.signIn')}
          </Link>
        ) : (
          <Link to={next}>{t(next === '/' ? 'nav.home' : 'auth.verify.continue')}</Link>
        )}
      </p>
    </section>
  );
}

export const meta = titled('auth.verify.title');
