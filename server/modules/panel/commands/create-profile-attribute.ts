import { writeAudit } from '../../../platform/audit.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { PanelEvents } from '../panel.events.ts';
import { panelPolicy } from '../panel.policy.ts';
import { presentAttribute } from '../panel.presenter.ts';
import { insertAttribute } from '../panel.repository.ts';
import { CreateAttributeBody, type ProfileAttributeDto } from '../panel.schemas.ts';
import { loadPanel } from './load-panel.ts';

/**
 * Defines a profile attribute of the community (staff). Choice kinds need at least one option with
 * distinct values; other kinds take none. Audited; emits `profile_attribute.created`.
 * @throws AppError(validation_failed: input, options, a key already used | not_found | unauthenticated |
 *   forbidden)
 */
export async function createProfileAttribute({
  ctx,
  community,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<ProfileAttributeDto> {
  const body = validate(CreateAttributeBody, input);
  const choice = body.kind === 'single_choice' || body.kind === 'multiple_choice';
  const options = body.options ?? [];
  if (choice && options.length === 0) throw AppError.field('/options', 'validation.required');
  if (!choice && options.length > 0) throw AppError.field('/options', 'validation.unknownField');
  if (new Set(options.map((o) => o.value)).size !== options.length)
    throw AppError.field('/options', 'research.error.duplicateOption');
  const resource = await loadPanel(ctx, community);
  authorize(panelPolicy, 'managePanel', ctx.actor, resource);
  const communityId = resource.community.id;
  try {
    const row = await transact(ctx.kernel, async (trx, emit) => {
      const inserted = await insertAttribute(trx, {
        id: newId(),
        community_id: communityId,
        key: body.key,
        label: body.label.trim(),
        kind: body.kind,
        visibility: body.visibility,
        options: JSON.stringify(options),
        position: body.position ?? 0,
      });
      await writeAudit(trx, {
        communityId,
        actorUserId: ctx.actor!.userId,
        action: 'profile_attribute.create',
        targetType: 'profile_attribute',
        targetId: inserted.id,
        data: { key: inserted.key, visibility: inserted.visibility },
      });
      await emit({
        type: PanelEvents.attributeCreated,
        communityId,
        actorUserId: ctx.actor!.userId,
        payload: { communityId, attributeId: inserted.id, key: inserted.key },
      });
      return inserted;
    });
    return presentAttribute(row);
  } catch (error) {
    if (isUniqueViolation(error, 'profile_attributes_community_id_key_key'))
      throw AppError.field('/key', 'research.error.keyTaken');
    throw error;
  }
}
