import { Link, useSearchParams } from 'react-router';
import { FormMessage } from '../components/form.tsx';
import { useT, useViewer } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';

/** Where the email verification link lands (better-auth redirects here, signed in, or with ?error=). */
export default function Verified() {
  const t = useT();
  const viewer = useViewer();
  const [params] = useSearchParams();
  const failed = !!params.get('error');
  return (
    <section className="narrow">
      <h1>{t('auth.verify.title')}</h1>
      {failed ? (
        <FormMessage error={t('auth.verify.failed')} />
      ) : (
        <FormMessage success={t('auth.verify.done')} />
      )}
      <p>
        {viewer || failed ? (
          <Link to={failed ? '/signin' : '/'}>{t(failed ? 'nav.signIn' : 'nav.home')}</Link>
        ) : null}
      </p>
    </section>
  );
}

export const meta = titled('auth.verify.title');
