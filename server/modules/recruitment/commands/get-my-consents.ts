import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { consentTextsFor } from '../consent.ts';
import { recruitmentPolicy } from '../recruitment.policy.ts';
import { findApplicationOfMember } from '../recruitment.repository.ts';
import type { ConsentPurpose, MyConsentsDto } from '../recruitment.schemas.ts';
import { loadRecruitment } from './load-recruitment.ts';

/**
 * What the member accepted when they applied: each purpose with the text of the version they were shown
 * (in their language now), whether they accepted it, and when.
 * @throws AppError(not_found: no membership, or joined without applying | unauthenticated | forbidden)
 */
export async function getMyConsents({
  ctx,
  community: key,
}: {
  ctx: Ctx;
  community: string;
}): Promise<MyConsentsDto> {
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'viewOwnConsents', ctx.actor, loaded);
  const app = await findApplicationOfMember(ctx.kernel.db, loaded.membership!.id);
  if (!app) throw new AppError('not_found', { messageKey: 'recruitment.error.noConsents' });
  const accepted = new Set(app.consents as ConsentPurpose[]);
  const texts = await consentTextsFor(ctx.kernel.db, app.community_id, ctx.locale, app.consent_version);
  return {
    version: app.consent_version,
    acceptedAt: app.consented_at.toISOString(),
    items: texts.texts.map((t) => ({ purpose: t.purpose, text: t.text, accepted: accepted.has(t.purpose) })),
  };
}
