import { Form } from 'react-router';
import type {
  BadgeDto,
  MemberBadgeDto,
  PointsBalanceDto,
} from '../../../server/modules/rewards/rewards.schemas.ts';
import { useT } from '../../lib/i18n.ts';
import { LocalTime } from '../bits.tsx';
import { Field, FormMessage, SubmitButton } from '../form.tsx';

/** A badge's name in the viewer's language (rule badges) or as staff named it. */
export function BadgeName({ badge }: { badge: { rule: string | null; name: string | null } }) {
  const t = useT();
  return <>{badge.rule ? t(`points.badge.${badge.rule}`) : badge.name}</>;
}

/** The badges on a member's profile (staff also see revoked ones and revoke the others with a reason). */
export function MemberBadges({ items, manage }: { items: MemberBadgeDto[]; manage: boolean }) {
  const t = useT();
  return (
    <>
      <h2>{t('points.profile.badges')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('points.profile.noBadges')}</p>
      ) : (
        <ul className="badge-list">
          {items.map((b) => (
            <li key={b.id}>
              <span className="badge badge--award">
                <BadgeName badge={b} />
              </span>{' '}
              <span className="meta">
                {b.description ? `${b.description} · ` : ''}
                <LocalTime iso={b.awardedAt} />
              </span>
              {b.revokedAt ? (
                <span className="meta">
                  {' '}
                  · {t('points.profile.revoked', { reason: b.revokeReason ?? '' })}
                </span>
              ) : manage ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="revokeBadge" />
                  <input type="hidden" name="memberBadgeId" value={b.id} />
                  <label>
                    <span className="visually-hidden">{t('points.profile.revokeReason')}</span>
                    <input
                      name="reason"
                      required
                      maxLength={500}
                      placeholder={t('points.profile.revokeReason')}
                    />
                  </label>{' '}
                  <button type="submit" className="button button--small button--secondary">
                    {t('points.profile.revoke')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Staff's view of a member's points: balances, an adjustment with its reason, a badge to award. */
export function MemberPointsDesk({
  balance,
  badges,
  errors,
  formError,
  done,
}: {
  balance: PointsBalanceDto;
  badges: BadgeDto[];
  errors: Record<string, string>;
  formError: string | null;
  done: boolean;
}) {
  const t = useT();
  return (
    <div className="staff-box">
      <h2>{t('points.profile.title')}</h2>
      <p>
        {t('points.profile.balance', {
          available: balance.available,
          pending: balance.pending,
          lifetime: balance.lifetime,
        })}
        {balance.rank ? ` · ${t('points.balance.rank')} : ${balance.rank}` : ''}
      </p>
      <FormMessage error={formError} success={done ? t('points.admin.done') : null} />
      <Form method="post" aria-labelledby="adjust-title">
        <input type="hidden" name="intent" value="adjust" />
        <h3 id="adjust-title">{t('points.profile.adjust')}</h3>
        <Field
          label={t('points.profile.adjustPoints')}
          name="points"
          type="number"
          required
          help={t('points.profile.adjustHelp')}
          error={errors.points}
        />
        <Field
          label={t('points.profile.adjustReason')}
          name="reason"
          required
          maxLength={500}
          error={errors.reason}
        />
        <SubmitButton>{t('points.profile.adjustSave')}</SubmitButton>
      </Form>
      {badges.length > 0 ? (
        <Form method="post" aria-labelledby="award-title">
          <input type="hidden" name="intent" value="awardBadge" />
          <h3 id="award-title">{t('points.profile.award')}</h3>
          <Field label={t('points.profile.badge')} name="badgeId" required error={errors.badgeId}>
            {badges.map((b) => (
              <option key={b.id} value={b.id}>
                {b.rule ? t(`points.badge.${b.rule}`) : b.name}
              </option>
            ))}
          </Field>
          <SubmitButton>{t('points.profile.awardSave')}</SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
