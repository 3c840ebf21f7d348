import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useLocale, useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/community-deflection.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  await requireAbility(web, params.slug, 'viewDeflectionStats', request);
  return guard(web.locale, () => web.api.getDeflectionStats(params.slug));
}

export const meta = titled('deflection.title');

/** Staff page: suggested questions opened, deflections and the estimated saving per ISO week. */
export default function DeflectionStats({ loaderData: stats }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: stats.currency });
  const number = new Intl.NumberFormat(locale);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const cents = (value: number) => money.format(value / 100);
  return (
    <section>
      <h1>{t('deflection.title')}</h1>
      <p className="lead">{t('deflection.intro')}</p>
      <p className="deflection-total">
        <strong>{t('deflection.totalSaving', { amount: cents(stats.totals.savingCents) })}</strong>
      </p>
      <p className="meta">{t('deflection.costNote', { cost: cents(stats.contactCostCents) })}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('deflection.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('deflection.week')}</th>
              <th scope="col">{t('deflection.views')}</th>
              <th scope="col">{t('deflection.deflections')}</th>
              <th scope="col">{t('deflection.conversions')}</th>
              <th scope="col">{t('deflection.pending')}</th>
              <th scope="col">{t('deflection.saving')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.weeks.map((week) => (
              <tr key={week.week}>
                <th scope="row">
                  <time dateTime={week.weekStart}>{day.format(new Date(`${week.weekStart}T00:00:00Z`))}</time>{' '}
                  <span className="meta">({week.week})</span>
                </th>
                <td>{number.format(week.views)}</td>
                <td>{number.format(week.deflections)}</td>
                <td>{number.format(week.conversions)}</td>
                <td>{number.format(week.pending)}</td>
                <td>{cents(week.savingCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('deflection.total')}</th>
              <td>{number.format(stats.totals.views)}</td>
              <td>{number.format(stats.totals.deflections)}</td>
              <td>{number.format(stats.totals.conversions)}</td>
              <td>{number.format(stats.totals.pending)}</td>
              <td>{cents(stats.totals.savingCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
