import { LocalTime } from '../bits.tsx';
import { useLocale, useT } from '../../lib/i18n.ts';
import type { RewardDto } from '../../../server/modules/rewards/catalogue/catalogue.schemas.ts';

/** The statuses of a redemption, in their usual order (for filters). */
export const REDEMPTION_STATUS_VALUES = [
  'requested',
  'approved',
  'fulfilled',
  'rejected',
  'cancelled',
] as const;
/** The kinds of reward (for forms). */
export const REWARD_KIND_VALUES = ['gift', 'voucher', 'donation', 'cashout'] as const;

/** A redemption's status as a badge with its label in the viewer's language. */
export function RedemptionStatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge badge--redemption badge--redemption-${status}`}>{label}</span>;
}

/** A reward's image (lazy, sized by its stored dimensions so the card does not jump). */
export function RewardImage({ reward }: { reward: RewardDto }) {
  if (!reward.image) return null;
  return (
    <img
      className="reward-image"
      src={reward.image.url}
      alt={reward.image.alt}
      width={reward.image.width ?? undefined}
      height={reward.image.height ?? undefined}
      loading="lazy"
    />
  );
}

/** What a reward costs and on what terms: stock, limit, dates, eligibility (points, rank, segment), cash value. */
export function RewardTerms({ reward }: { reward: RewardDto }) {
  const t = useT();
  const locale = useLocale();
  const cash = reward.cashOut
    ? new Intl.NumberFormat(locale, { style: 'currency', currency: reward.cashOut.currency }).format(
        reward.cashOut.amount,
      )
    : null;
  return (
    <ul className="reward__terms">
      <li>
        <strong>{t('rewards.cost', { cost: new Intl.NumberFormat(locale).format(reward.cost) })}</strong>
        {cash ? ` · ${t('rewards.cashValue', { amount: cash })}` : null}
      </li>
      <li>{reward.stock === null ? t('rewards.unlimited') : t('rewards.stock', { count: reward.stock })}</li>
      {reward.perMemberLimit !== null ? (
        <li>{t('rewards.limit', { limit: reward.perMemberLimit, mine: reward.myRedemptions })}</li>
      ) : null}
      {reward.minLifetimePoints > 0 ? (
        <li>{t('rewards.minLifetime', { points: reward.minLifetimePoints })}</li>
      ) : null}
      {reward.minRank ? (
        <li className="reward__reserved">{t('rewards.reservedRank', { rank: reward.minRank.name })}</li>
      ) : null}
      {reward.segment ? (
        <li className="reward__reserved">{t('rewards.reservedSegment', { segment: reward.segment.name })}</li>
      ) : null}
      {reward.availableFrom ? (
        <li>
          {t('rewards.from')} <LocalTime iso={reward.availableFrom} withTime />
        </li>
      ) : null}
      {reward.availableUntil ? (
        <li>
          {t('rewards.until')} <LocalTime iso={reward.availableUntil} withTime />
        </li>
      ) : null}
    </ul>
  );
}
