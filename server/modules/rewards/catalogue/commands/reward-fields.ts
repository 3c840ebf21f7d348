import type { Updateable } from 'kysely';
import type { RewardKind, RewardTable } from '../../../../platform/db/schema-catalogue.ts';
import { AppError, type FieldError } from '../../../../platform/errors/app-error.ts';
import type { UpdateRewardInput } from '../catalogue.schemas.ts';

/** The API's field names and their columns. */
const COLUMNS = {
  title: 'title',
  description: 'description',
  cost: 'cost',
  stock: 'stock',
  perMemberLimit: 'per_member_limit',
  availableFrom: 'available_from',
  availableUntil: 'available_until',
  minLifetimePoints: 'min_lifetime_points',
  minRankPosition: 'min_rank_position',
  segmentId: 'segment_id',
  imageId: 'image_id',
  pointsPerUnit: 'points_per_unit',
  currency: 'currency',
  active: 'active',
} as const satisfies Record<keyof UpdateRewardInput, keyof RewardTable>;

/** The columns to write for the fields given (titles and descriptions trimmed). */
export function rewardColumns(input: UpdateRewardInput): Updateable<RewardTable> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = input[field as keyof UpdateRewardInput];
    if (value === undefined) continue;
    out[column] =
      typeof value === 'string' && (field === 'title' || field === 'description') ? value.trim() : value;
  }
  return out;
}

/** The fields of a reward that its cross-field rules read (dates as read or as given). */
export interface RewardShape {
  title: string;
  available_from: Date | string | null;
  available_until: Date | string | null;
  points_per_unit: number | null;
  currency: string | null;
}

/**
 * Checks a reward as it would be after a change (the rules that span several fields): a title that is
 * not blank, the end after the start, a conversion rate and currency for cash-out only, and a voucher's
 * stock left to its imported codes (`stockGiven`: the input sets the stock).
 * @throws AppError(validation_failed) with one field error per broken rule.
 */
export function checkReward(kind: RewardKind, after: RewardShape, stockGiven: boolean): void {
  const fields: FieldError[] = [];
  if (after.title.trim() === '') fields.push({ path: '/title', key: 'validation.required' });
  const from = after.available_from ? new Date(after.available_from) : null;
  const until = after.available_until ? new Date(after.available_until) : null;
  if (from && until && until <= from)
    fields.push({ path: '/availableUntil', key: 'rewards.validation.untilBeforeFrom' });
  if (kind === 'cashout') {
    if (after.points_per_unit === null) fields.push({ path: '/pointsPerUnit', key: 'validation.required' });
    if (after.currency === null) fields.push({ path: '/currency', key: 'validation.required' });
  } else {
    if (after.points_per_unit !== null)
      fields.push({ path: '/pointsPerUnit', key: 'rewards.validation.cashOutOnly' });
    if (after.currency !== null) fields.push({ path: '/currency', key: 'rewards.validation.cashOutOnly' });
  }
  if (kind === 'voucher' && stockGiven)
    fields.push({ path: '/stock', key: 'rewards.validation.voucherStock' });
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
}
