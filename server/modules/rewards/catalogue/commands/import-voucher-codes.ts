import { translate } from '../../../../../common/i18n/index.ts';
import { writeAudit } from '../../../../platform/audit.ts';
import { authorize } from '../../../../platform/authz/policy.ts';
import type { Ctx } from '../../../../platform/context.ts';
import { newId } from '../../../../platform/db/ids.ts';
import { AppError } from '../../../../platform/errors/app-error.ts';
import { validate } from '../../../../platform/http/validation.ts';
import { transact } from '../../../../platform/kernel.ts';
import { CatalogueEvents, type CodesImportedPayload } from '../catalogue.events.ts';
import { cataloguePolicy } from '../catalogue.policy.ts';
import { addStock, findExistingCodes, insertVoucherCodes, lockReward } from '../catalogue.repository.ts';
import { ImportVoucherCodesBody, type VoucherImportResultDto } from '../catalogue.schemas.ts';
import { MAX_CODE_LENGTH, MAX_IMPORT_ROWS, parseVoucherCsv } from '../voucher-csv.ts';
import { loadReward } from './load-catalogue.ts';

const shown = (code: string) => (code.length > 60 ? `${code.slice(0, 57)}…` : code);

/**
 * Imports a voucher reward's codes from CSV text (community managers). Every row is checked (empty, too
 * long, a duplicate in the file, already imported). By default one bad row imports nothing: the refusal
 * carries one field error per bad row (`/csv/<line>`); with `skipInvalid` the good rows are imported
 * and the bad ones reported in the result. Each imported code adds one
 * to the stock. Emits `voucher_codes.imported` (counts only); audited.
 * @throws AppError(validation_failed: input, no code, too many rows, bad rows without skipInvalid |
 *   conflict: not a voucher | not_found | unauthenticated | forbidden)
 */
export async function importVoucherCodes({
  ctx,
  community,
  rewardId,
  input,
}: {
  ctx: Ctx;
  community: string;
  rewardId: string;
  input: unknown;
}): Promise<VoucherImportResultDto> {
  const body = validate(ImportVoucherCodesBody, input);
  const rows = parseVoucherCsv(body.csv);
  if (rows.length === 0) throw AppError.field('/csv', 'rewards.import.noCodes');
  if (rows.length > MAX_IMPORT_ROWS)
    throw AppError.field('/csv', 'rewards.import.tooManyRows', { limit: MAX_IMPORT_ROWS });
  const resource = await loadReward(ctx, community, rewardId);
  authorize(cataloguePolicy, 'manageRewards', ctx.actor, resource);
  const { reward } = resource;
  if (reward.kind !== 'voucher') throw new AppError('conflict', { messageKey: 'rewards.error.notVoucher' });
  const communityId = resource.community.id;
  return transact(ctx.kernel, async (trx, emit) => {
    await lockReward(trx, reward.id);
    const candidates = rows.filter((r) => r.error === null).map((r) => r.code);
    const existing = await findExistingCodes(trx, reward.id, candidates);
    const checked = rows.map((r) => ({
      ...r,
      error: r.error ?? (existing.has(r.code) ? ('alreadyImported' as const) : null),
    }));
    const errors = checked
      .filter((r) => r.error !== null)
      .map((r) => ({
        line: r.line,
        code: shown(r.code),
        error: r.error!,
        message: translate(ctx.locale, `rewards.import.row.${r.error!}`, { limit: MAX_CODE_LENGTH }),
      }));
    if (errors.length > 0 && !body.skipInvalid) {
      throw new AppError('validation_failed', {
        messageKey: 'rewards.import.refused',
        fields: errors.slice(0, 50).map((e) => ({
          path: `/csv/${e.line}`,
          key: `rewards.import.row.${e.error}`,
          params: { limit: MAX_CODE_LENGTH },
        })),
      });
    }
    const good = checked.filter((r) => r.error === null);
    const imported = await insertVoucherCodes(
      trx,
      good.map((r) => ({ id: newId(), community_id: communityId, reward_id: reward.id, code: r.code })),
    );
    await addStock(trx, reward.id, imported);
    const after = await lockReward(trx, reward.id);
    const payload: CodesImportedPayload = {
      communityId,
      rewardId: reward.id,
      imported,
      rejected: errors.length,
    };
    await emit({ type: CatalogueEvents.codesImported, communityId, actorUserId: ctx.actor!.userId, payload });
    await writeAudit(trx, {
      communityId,
      actorUserId: ctx.actor!.userId,
      action: 'voucher_codes.import',
      targetType: 'reward',
      targetId: reward.id,
      data: { imported, rejected: errors.length },
    });
    return { imported, rejected: errors.length, errors, stock: after.stock ?? 0 };
  });
}
