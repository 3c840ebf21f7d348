import type { Ctx } from '../../../platform/context.ts';
import { loadCommunity } from '../../communities/commands/load-community.ts';
import { listPublicTopicRefs } from '../support.repository.ts';

/** The most a sitemap file may list (the sitemaps.org limit). */
const SITEMAP_LIMIT = 50_000;

/**
 * The public topics of a community for search engines: only a public community's published topics in
 * public boards; private and hidden communities list nothing (and a hidden one is not found).
 * @throws AppError(not_found)
 */
export async function listSitemapTopics({ ctx, community: key }: { ctx: Ctx; community: string }) {
  const { community } = await loadCommunity(ctx, key);
  if (community.visibility !== 'public') return { slug: community.slug, topics: [] };
  const rows = await listPublicTopicRefs(ctx.kernel.db, community.id, SITEMAP_LIMIT);
  return {
    slug: community.slug,
    topics: rows.map((row) => ({ id: row.id, lastModified: row.last_activity_at.toISOString() })),
  };
}
