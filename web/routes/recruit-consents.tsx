import { Link } from 'react-router';
import { LocalTime } from '../components/bits.tsx';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/recruit-consents.ts';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, () => web.api.getMyConsents(params.slug));
}

export const meta = titled('recruitment.consents.title');

/** The member's consents (their profile area): each purpose, its text as accepted, yes or no, and when. */
export default function RecruitConsents({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  return (
    <section>
      <p className="meta">
        <Link to={`/c/${params.slug}/profile`}>{t('research.nav.profile')}</Link>
      </p>
      <h1>{t('recruitment.consents.title')}</h1>
      <p className="lead">
        {t('recruitment.consents.lead', { version: loaderData.version })}{' '}
        <LocalTime iso={loaderData.acceptedAt} withTime />
      </p>
      <ul className="consents">
        {loaderData.items.map((c) => (
          <li key={c.purpose}>
            <strong>
              {t('recruitment.consents.item', {
                purpose: t(`recruitment.purpose.${c.purpose}`),
                answer: c.accepted ? t('recruitment.consents.accepted') : t('recruitment.consents.declined'),
              })}
            </strong>
            <p>{c.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
