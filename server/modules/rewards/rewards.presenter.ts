import type { LedgerRow } from '../../platform/db/schema-rewards.ts';
import type { PointRule, RewardsSettings } from './point-rules.ts';
import type {
  BadgeDto,
  LedgerEntryDto,
  MemberBadgeDto,
  PointRulesDto,
  PointsFlagDto,
} from './rewards.schemas.ts';

/** A ledger entry for its member or staff: an allow-list of fields, with the award's derived status. */
export function presentLedgerEntry(
  row: LedgerRow & { pseudonym: string; status: string | null },
): LedgerEntryDto {
  return {
    id: row.id,
    memberId: row.member_id,
    pseudonym: row.pseudonym,
    kind: row.kind,
    bucket: row.bucket,
    points: row.points,
    action: row.action,
    status: row.kind === 'award' ? row.status : null,
    reason: row.reason,
    parentId: row.parent_id,
    sourceType: row.source_type,
    sourceId: row.source_id,
    releaseAt: row.release_at ? row.release_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

/** The rules for a viewer: members see the enabled ones and the review period; staff see everything. */
export function presentPointRules(
  rules: readonly PointRule[],
  settings: RewardsSettings,
  abilities: Record<string, boolean>,
): PointRulesDto {
  const staff = !!abilities.managePoints || !!abilities.configurePoints;
  return {
    rules: rules
      .filter((r) => staff || (r.enabled && r.points > 0))
      .map((r) => ({
        action: r.action,
        points: r.points,
        dailyCap: r.dailyCap,
        enabled: r.enabled,
        declaredAmount: r.declaredAmount,
      })),
    settings: {
      reviewHours: settings.reviewHours,
      pairDailyCap: staff ? settings.pairDailyCap : null,
      burstPoints: staff ? settings.burstPoints : null,
    },
    abilities,
  };
}

/** A badge with how many members hold it. */
export function presentBadge(row: {
  id: string;
  rule: string | null;
  name: string | null;
  description: string;
  holders_count: number;
  created_at: Date;
}): BadgeDto {
  return {
    id: row.id,
    rule: row.rule,
    name: row.name,
    description: row.description,
    holdersCount: row.holders_count,
    createdAt: row.created_at.toISOString(),
  };
}

/** A member's badge (revocation facts included: the web shows them to staff only). */
export function presentMemberBadge(row: {
  id: string;
  badge_id: string;
  rule: string | null;
  name: string | null;
  description: string;
  member_id: string;
  awarded_at: Date;
  awarded_by_user_id: string | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
}): MemberBadgeDto {
  return {
    id: row.id,
    badgeId: row.badge_id,
    rule: row.rule,
    name: row.name,
    description: row.description,
    memberId: row.member_id,
    awardedAt: row.awarded_at.toISOString(),
    byHand: row.awarded_by_user_id !== null,
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
    revokeReason: row.revoke_reason,
  };
}

/** A burst flag for staff. */
export function presentPointsFlag(row: {
  id: string;
  member_id: string;
  pseudonym: string;
  points_in_hour: number;
  threshold: number;
  created_at: Date;
  resolved_at: Date | null;
}): PointsFlagDto {
  return {
    id: row.id,
    memberId: row.member_id,
    pseudonym: row.pseudonym,
    pointsInHour: row.points_in_hour,
    threshold: row.threshold,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
  };
}
