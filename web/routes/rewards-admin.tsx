import { data, Form, Link, useActionData, useSearchParams } from 'react-router';
import { LocalTime, NextPage } from '../components/bits.tsx';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { REDEMPTION_STATUS_VALUES, RedemptionStatusBadge } from '../components/rewards/reward-bits.tsx';
import {
  loadRewardChoices,
  RewardForm,
  rewardImageInput,
  rewardInput,
} from '../components/rewards/reward-form.tsx';
import { appContext } from '../context.ts';
import { actionErrors, asAppError, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { RedemptionDto } from '../../server/modules/rewards/catalogue/catalogue.schemas.ts';
import type { Route } from './+types/rewards-admin.ts';
import { useCommunity } from './community.tsx';

export const meta = titled('rewards.admin.title');

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const search = new URL(request.url).searchParams;
  const status = search.get('status') ?? 'requested';
  const cursor = search.get('cursor');
  return guard(web.locale, async () => ({
    queue: await web.api.listRedemptions(params.slug, {
      ...(status === 'all' ? {} : { status }),
      ...(cursor ? { cursor } : {}),
    }),
    catalogue: await web.api.listRewards(params.slug, { includeInactive: true, limit: 100 }),
    choices: await loadRewardChoices(web.api, params.slug),
  }));
}

/** Four intents: create a reward; approve, reject (with a reason) or fulfil a redemption. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const intent = text(form, 'intent');
  const redemptionId = text(form, 'redemptionId');
  try {
    if (intent === 'create') {
      const reward = await web.api.createReward(params.slug, {
        ...rewardInput(form, true),
        ...(await rewardImageInput(web.api, params.slug, form)),
      });
      return { done: 'created' as const, rewardId: reward.id };
    }
    if (intent === 'fulfil') {
      await web.api.fulfillRedemption(params.slug, redemptionId, { note: text(form, 'note') });
    } else {
      await web.api.decideRedemption(params.slug, redemptionId, {
        decision: intent === 'reject' ? 'reject' : 'approve',
        ...(intent === 'reject' ? { reason: text(form, 'reason') } : {}),
      });
    }
    return { done: 'decided' as const, redemptionId };
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    return data({ intent, redemptionId, ...actionErrors(web.locale, appError) }, { status: appError.status });
  }
}

type Refusal = {
  intent: string;
  redemptionId: string;
  fieldErrors: Record<string, string>;
  formError: string | null;
};

function QueueItem({ item, refusal }: { item: RedemptionDto; refusal: Refusal | null }) {
  const t = useT();
  const errors = refusal && refusal.redemptionId === item.id ? refusal : null;
  return (
    <li className="redemption">
      <h3 className="redemption__title">
        {item.reward.title} <RedemptionStatusBadge status={item.status} label={item.statusLabel} />
      </h3>
      <p className="meta">
        {item.member.pseudonym} · {t('rewards.cost', { cost: item.cost })} ·{' '}
        <LocalTime iso={item.createdAt} withTime />
      </p>
      {item.shippingAddress ? (
        <p className="redemption__address">{t('rewards.admin.address', { address: item.shippingAddress })}</p>
      ) : null}
      {item.reason ? (
        <p>
          {t(item.status === 'rejected' ? 'rewards.mine.reason' : 'rewards.mine.note', {
            reason: item.reason,
            note: item.reason,
          })}
        </p>
      ) : null}
      {errors?.formError ? (
        <p className="field__error" role="alert">
          {errors.formError}
        </p>
      ) : null}
      {item.abilities.decide ? (
        <div className="redemption__actions">
          {item.status === 'requested' ? (
            <Form method="post">
              <input type="hidden" name="redemptionId" value={item.id} />
              <SubmitButton name="intent" value="approve">
                {t('rewards.admin.approve')}
              </SubmitButton>
            </Form>
          ) : null}
          {item.abilities.fulfill ? (
            <Form method="post" noValidate>
              <input type="hidden" name="redemptionId" value={item.id} />
              <Field
                label={t('rewards.admin.fulfilNote')}
                name="note"
                maxLength={1000}
                error={errors?.fieldErrors.note}
              />
              <SubmitButton name="intent" value="fulfil">
                {t('rewards.admin.fulfil')}
              </SubmitButton>
            </Form>
          ) : null}
          <Form method="post" noValidate>
            <input type="hidden" name="redemptionId" value={item.id} />
            <Field
              label={t('rewards.admin.reason')}
              name="reason"
              required
              maxLength={1000}
              error={errors?.fieldErrors.reason}
            />
            <SubmitButton name="intent" value="reject">
              {t('rewards.admin.reject')}
            </SubmitButton>
          </Form>
        </div>
      ) : null}
    </li>
  );
}

/** Staff's rewards page: the redemption queue to work, the catalogue, and a new reward. */
export default function RewardsAdminPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const [params] = useSearchParams();
  const result = useActionData<typeof action>() as { done: string } | Refusal | undefined;
  const refusal = result && 'formError' in result ? result : null;
  const { queue, catalogue } = loaderData;
  return (
    <section>
      <h1>{t('rewards.admin.title')}</h1>
      <FormMessage
        error={refusal && !refusal.redemptionId && refusal.intent !== 'create' ? refusal.formError : null}
        success={
          result && 'done' in result
            ? t(result.done === 'created' ? 'rewards.admin.created' : 'rewards.admin.decided')
            : null
        }
      />
      <section aria-labelledby="rewards-queue">
        <h2 id="rewards-queue">{t('rewards.admin.queue')}</h2>
        <Form method="get" className="filters">
          <label>
            {t('rewards.admin.filter')}{' '}
            <select name="status" defaultValue={params.get('status') ?? 'requested'}>
              <option value="all">{t('rewards.admin.allStatuses')}</option>
              {REDEMPTION_STATUS_VALUES.map((s) => (
                <option key={s} value={s}>
                  {t(`rewards.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button--secondary">
            {t('rewards.admin.apply')}
          </button>
        </Form>
        {queue.items.length === 0 ? <p className="empty">{t('rewards.admin.queueEmpty')}</p> : null}
        <ul className="redemptions">
          {queue.items.map((item) => (
            <QueueItem key={item.id} item={item} refusal={refusal} />
          ))}
        </ul>
        <NextPage cursor={queue.nextCursor} />
      </section>
      <section aria-labelledby="rewards-catalogue">
        <h2 id="rewards-catalogue">{t('rewards.admin.catalogue')}</h2>
        {catalogue.items.length === 0 ? <p className="empty">{t('rewards.empty')}</p> : null}
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rewards.col.reward')}</th>
                <th scope="col">{t('rewards.col.cost')}</th>
                <th scope="col">{t('rewards.field.stock')}</th>
              </tr>
            </thead>
            <tbody>
              {catalogue.items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/c/${community.slug}/rewards/admin/${r.id}`}>{r.title}</Link> ·{' '}
                    {t(`rewards.kind.${r.kind}`)}
                    {r.active ? null : <span className="badge">{t('rewards.inactiveBadge')}</span>}
                  </td>
                  <td>{r.cost}</td>
                  <td>{r.stock === null ? '∞' : r.stock}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="rewards-new" className="staff-box">
        <h2 id="rewards-new">{t('rewards.admin.new')}</h2>
        {refusal?.intent === 'create' ? <FormMessage error={refusal.formError} /> : null}
        <RewardForm
          reward={null}
          choices={loaderData.choices}
          intent="create"
          errors={refusal?.intent === 'create' ? refusal.fieldErrors : undefined}
        />
      </section>
    </section>
  );
}
