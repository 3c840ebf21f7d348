import { abilitiesOf } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import type { Queryable } from '../../../../platform/db/database.ts';
import { found } from '../../../../platform/errors/app-error.ts';
import { logAddressReads } from '../address-access.ts';
import { type CatalogueResource, redemptionPolicy } from '../catalogue.policy.ts';
import { presentRedemption } from '../catalogue.presenter.ts';
import { findRedemptionDetail, type RedemptionDetailRow } from '../catalogue.repository.ts';
import type { RedemptionDto } from '../catalogue.schemas.ts';

/** Presents a redemption for the actor: the code only for its redeemer, with their abilities on it. */
export function viewRedemption(
  ctx: Ctx,
  resource: CatalogueResource,
  row: RedemptionDetailRow,
): RedemptionDto {
  const own = !!resource.membership && resource.membership.id === row.member_id;
  const abilities = abilitiesOf(redemptionPolicy, ctx.actor, { ...resource, redemption: row });
  return presentRedemption(row, ctx.locale, {
    revealCode: own,
    abilities: {
      ...abilities,
      cancel: abilities.cancel && row.status === 'requested',
      decide: abilities.decide && (row.status === 'requested' || row.status === 'approved'),
      fulfill: abilities.decide && row.status === 'approved',
    },
  });
}

/**
 * Reads a redemption again (after a change) and presents it for the actor (a shipping address shown to
 * staff is written to the access log).
 * @throws AppError(not_found)
 */
export async function reloadRedemption(
  ctx: Ctx,
  db: Queryable,
  resource: CatalogueResource,
  redemptionId: string,
): Promise<RedemptionDto> {
  const row = found(await findRedemptionDetail(db, resource.community.id, redemptionId));
  await logAddressReads(ctx, resource, [row]);
  return viewRedemption(ctx, resource, row);
}
