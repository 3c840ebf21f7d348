import { Form, Link, redirect, useActionData } from 'react-router';
import { LocalTime, NextPage } from '../components/bits.tsx';
import { FormMessage } from '../components/form.tsx';
import { RedemptionStatusBadge } from '../components/rewards/reward-bits.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/rewards-mine.ts';
import { useCommunity } from './community.tsx';

export const meta = titled('rewards.mine.title');

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  if (!web.viewer) throw redirect(`/signin?next=/c/${params.slug}/rewards/mine`);
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined;
  return guard(web.locale, () => web.api.listMyRedemptions(params.slug, cursor ? { cursor } : {}));
}

/** Cancels one of the member's requests that still waits for staff. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  return attempt(web.locale, async () => {
    await web.api.cancelRedemption(params.slug, text(form, 'redemptionId'));
    return { done: 'cancelled' as const };
  });
}

/** The member's redemptions, newest first: status, reasons and notes, voucher codes, refunds. */
export default function MyRewardsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const errors = result && 'formError' in result ? result : null;
  return (
    <section>
      <h1>{t('rewards.mine.title')}</h1>
      <p>
        <Link to={`/c/${community.slug}/rewards`}>{t('rewards.mine.toCatalogue')}</Link>
      </p>
      <FormMessage
        error={errors?.formError}
        success={result && 'done' in result ? t('rewards.mine.cancelled') : null}
      />
      {loaderData.items.length === 0 ? <p className="empty">{t('rewards.mine.empty')}</p> : null}
      <ul className="redemptions">
        {loaderData.items.map((r) => (
          <li key={r.id} className="redemption">
            <h2 className="redemption__title">
              {r.reward.title} <RedemptionStatusBadge status={r.status} label={r.statusLabel} />
            </h2>
            <p className="meta">
              {t('rewards.cost', { cost: r.cost })} · <LocalTime iso={r.createdAt} withTime />
            </p>
            {r.code ? (
              <p>
                {t('rewards.codeShown')} <code className="voucher-code">{r.code}</code>
              </p>
            ) : null}
            {r.status === 'rejected' && r.reason ? (
              <p>{t('rewards.mine.reason', { reason: r.reason })}</p>
            ) : null}
            {r.status === 'fulfilled' && r.reason ? (
              <p>{t('rewards.mine.note', { note: r.reason })}</p>
            ) : null}
            {r.status === 'rejected' || r.status === 'cancelled' ? (
              <p>{t('rewards.mine.refunded', { cost: r.cost })}</p>
            ) : null}
            {r.abilities.cancel ? (
              <Form method="post">
                <input type="hidden" name="redemptionId" value={r.id} />
                <button type="submit" className="button button--secondary">
                  {t('rewards.mine.cancel')}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      <NextPage cursor={loaderData.nextCursor} />
    </section>
  );
}
