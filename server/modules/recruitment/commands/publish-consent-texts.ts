import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { consentTextsFor } from '../consent.ts';
import { RecruitmentEvents } from '../recruitment.events.ts';
import { recruitmentPolicy } from '../recruitment.policy.ts';
import { insertConsentTexts } from '../recruitment.repository.ts';
import { ConsentTextsBody, type ConsentTextsDto } from '../recruitment.schemas.ts';
import { loadRecruitment } from './load-recruitment.ts';

/**
 * Publishes a new version of the community's consent texts (staff), one per purpose in English and
 * French. Applicants from now on accept this version; earlier applicants keep the one they accepted.
 * Emits `consent_texts.published`.
 * @throws AppError(validation_failed | not_found | unauthenticated | forbidden)
 */
export async function publishConsentTexts({
  ctx,
  community: key,
  input,
}: {
  ctx: Ctx;
  community: string;
  input: unknown;
}): Promise<ConsentTextsDto> {
  const body = validate(ConsentTextsBody, input);
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'manageRecruitment', ctx.actor, loaded);
  const { community } = loaded;
  await transact(ctx.kernel, async (trx, emit) => {
    // Serialised per community so two publications never take the same version number.
    await trx.selectFrom('communities').select('id').where('id', '=', community.id).forUpdate().execute();
    const version = await insertConsentTexts(trx, {
      id: newId(),
      community_id: community.id,
      texts: JSON.stringify(body),
      created_by: ctx.actor!.userId,
    });
    await emit({
      type: RecruitmentEvents.consentPublished,
      communityId: community.id,
      actorUserId: ctx.actor!.userId,
      payload: { communityId: community.id, version },
    });
  });
  return consentTextsFor(ctx.kernel.db, community.id, ctx.locale);
}

/**
 * The consent texts in force in the community, in the reader's language (staff).
 * @throws AppError(not_found | unauthenticated | forbidden)
 */
export async function getConsentTexts({ ctx, community: key }: { ctx: Ctx; community: string }) {
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'manageRecruitment', ctx.actor, loaded);
  return consentTextsFor(ctx.kernel.db, loaded.community.id, ctx.locale);
}
