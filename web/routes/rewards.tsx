import { data, Form, Link, useActionData } from 'react-router';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { RewardImage, RewardTerms } from '../components/rewards/reward-bits.tsx';
import { appContext } from '../context.ts';
import { actionErrors, asAppError, guard, text } from '../lib/errors.ts';
import { useLocale, useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { RedemptionDto, RewardDto } from '../../server/modules/rewards/catalogue/catalogue.schemas.ts';
import type { Route } from './+types/rewards.ts';
import { useCommunity } from './community.tsx';
import { NextPage } from '../components/bits.tsx';

export const meta = titled('rewards.title');

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined;
  const page = await guard(web.locale, () => web.api.listRewards(params.slug, cursor ? { cursor } : {}));
  // One key per rendering of the page: submitting the same form twice redeems once.
  return { ...page, formKey: crypto.randomUUID() };
}

/** Redeems one reward; a refusal comes back with the reward it concerns, shown next to its form. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const rewardId = text(form, 'rewardId');
  const address = text(form, 'shippingAddress');
  try {
    const redemption = await web.api.redeemReward(params.slug, rewardId, {
      idempotencyKey: `${text(form, 'formKey')}:${rewardId}`,
      ...(form.has('shippingAddress') ? { shippingAddress: address } : {}),
    });
    return { redemption };
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    return data({ rewardId, ...actionErrors(web.locale, appError) }, { status: appError.status });
  }
}

type Result =
  | { redemption: RedemptionDto }
  | { rewardId: string; fieldErrors: Record<string, string>; formError: string | null };

function RedeemForm({ reward, formKey, result }: { reward: RewardDto; formKey: string; result?: Result }) {
  const t = useT();
  const errors = result && 'rewardId' in result && result.rewardId === reward.id ? result : null;
  return (
    <Form method="post" noValidate className="reward__redeem">
      <input type="hidden" name="rewardId" value={reward.id} />
      <input type="hidden" name="formKey" value={formKey} />
      {errors?.formError ? (
        <p className="field__error" role="alert">
          {errors.formError}
        </p>
      ) : null}
      {reward.kind === 'gift' ? (
        <Field
          label={t('rewards.shippingAddress')}
          name="shippingAddress"
          multiline
          required
          maxLength={1000}
          help={t('rewards.shippingHelp')}
          error={errors?.fieldErrors.shippingAddress}
        />
      ) : null}
      <SubmitButton>{t('rewards.redeem', { cost: reward.cost })}</SubmitButton>
    </Form>
  );
}

/** What happened after redeeming: the voucher's code, or the request waiting for staff. */
function Redeemed({ redemption }: { redemption: RedemptionDto }) {
  const t = useT();
  const community = useCommunity();
  return (
    <div className="notice notice--success" role="status">
      <p>{t('rewards.redeemed', { cost: redemption.cost, title: redemption.reward.title })}</p>
      {redemption.code ? (
        <p>
          {t('rewards.codeShown')} <code className="voucher-code">{redemption.code}</code>
          <br />
          {t('rewards.codeHelp')}
        </p>
      ) : (
        <p>{t('rewards.requested', { title: redemption.reward.title })}</p>
      )}
      <p>
        <Link to={`/c/${community.slug}/rewards/mine`}>{t('rewards.seeMine')}</Link>
      </p>
    </div>
  );
}

/** The catalogue: each reward with its terms, the member's balance, and a redeem form when they may. */
export default function RewardsPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const { items, balance, abilities, formKey } = loaderData;
  return (
    <section>
      <h1>{t('rewards.title')}</h1>
      <p className="lead">{t('rewards.lead')}</p>
      {balance ? (
        <p className="reward__balance">
          <strong>
            {t('rewards.balance', { available: new Intl.NumberFormat(locale).format(balance.available) })}
          </strong>
          {balance.pending > 0 ? ` ${t('rewards.balancePending', { pending: balance.pending })}` : null}
        </p>
      ) : null}
      {abilities.listOwnRedemptions || abilities.manageRewards ? (
        <p className="actions">
          {abilities.listOwnRedemptions ? (
            <Link to={`/c/${community.slug}/rewards/mine`}>{t('rewards.navMine')}</Link>
          ) : null}
          {abilities.manageRewards ? (
            <Link to={`/c/${community.slug}/rewards/admin`}>{t('rewards.navAdmin')}</Link>
          ) : null}
        </p>
      ) : null}
      {result && 'redemption' in result ? <Redeemed redemption={result.redemption} /> : null}
      {result && 'rewardId' in result && !items.some((r) => r.id === result.rewardId) ? (
        <FormMessage error={result.formError} />
      ) : null}
      {items.length === 0 ? <p className="empty">{t('rewards.empty')}</p> : null}
      <ul className="cards rewards">
        {items.map((reward) => (
          <li key={reward.id} className="card reward">
            <RewardImage reward={reward} />
            <h2 className="reward__title">{reward.title}</h2>
            <p className="meta">
              <span className="badge">{t(`rewards.kind.${reward.kind}`)}</span>
            </p>
            {reward.description ? <p className="reward__description">{reward.description}</p> : null}
            <RewardTerms reward={reward} />
            {abilities.redeemRewards ? (
              reward.unavailableReason ? (
                <p className="reward__unavailable">{t(`rewards.unavailable.${reward.unavailableReason}`)}</p>
              ) : (
                <RedeemForm reward={reward} formKey={formKey} result={result} />
              )
            ) : null}
          </li>
        ))}
      </ul>
      <NextPage cursor={loaderData.nextCursor} />
    </section>
  );
}
