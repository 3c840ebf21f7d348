import type { Ctx } from '../../../platform/context.ts';
import type { OwnApplicationDto } from '../recruitment.schemas.ts';
import { loadOwnApplication, presentOwn } from './load-application.ts';

/**
 * The actor's own application through a campaign's link: where it stands, in plain terms.
 * @throws AppError(not_found | unauthenticated)
 */
export async function getOwnApplication({
  ctx,
  token,
}: {
  ctx: Ctx;
  token: string;
}): Promise<OwnApplicationDto> {
  const { app, community } = await loadOwnApplication(ctx, token);
  return presentOwn(ctx.kernel.db, app, community);
}
