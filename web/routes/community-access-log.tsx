import { Link } from 'react-router';
import { LocalTime, NextPage } from '../components/bits.tsx';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/community-access-log.ts';
import { useCommunity } from './community.tsx';
import { titled } from '../lib/meta.ts';

const FIELD_KEYS: Record<string, string> = {
  name: 'members.realName',
  email: 'members.email',
  phone: 'members.phone',
};

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  await requireAbility(web, params.slug, 'viewAccessLog', request);
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined;
  return guard(web.locale, () => web.api.getAccessLog(params.slug, { limit: 50, cursor }));
}

export default function AccessLog({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  return (
    <section>
      <h1>{t('accessLog.title')}</h1>
      <p className="lead">{t('accessLog.intro')}</p>
      {loaderData.items.length === 0 ? (
        <p className="empty">{t('accessLog.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('accessLog.when')}</th>
                <th scope="col">{t('accessLog.who')}</th>
                <th scope="col">{t('accessLog.subject')}</th>
                <th scope="col">{t('accessLog.fields')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.items.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <LocalTime iso={entry.createdAt} withTime />
                  </td>
                  <td>
                    {entry.actor.pseudonym
                      ? `${entry.actor.pseudonym} (${entry.actor.name})`
                      : entry.actor.name}
                  </td>
                  <td>
                    <Link to={`/c/${community.slug}/members/${entry.subject.memberId}`}>
                      {entry.subject.pseudonym}
                    </Link>
                  </td>
                  <td>
                    {entry.fields.map((f) => t(FIELD_KEYS[f] ?? f)).join(', ')} ·{' '}
                    {t(`accessLog.purpose.${entry.purpose}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NextPage cursor={loaderData.nextCursor} />
    </section>
  );
}

export const meta = titled('accessLog.title');
