import { appContext } from '../context.ts';
import type { Route } from './+types/robots.ts';

/** Resource route: robots.txt — private areas closed to crawlers, one sitemap per public community. */
export async function loader({ context }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const { items } = await web.api.listCommunities({ limit: 100 });
  const sitemaps = items
    .filter((community) => community.visibility === 'public')
    .map((community) => `Sitemap: ${web.publicUrl}/c/${community.slug}/sitemap.xml`);
  const lines = [
    'User-agent: *',
    'Disallow: /api/',
    'Disallow: /admin/',
    'Disallow: /setup',
    'Allow: /',
    '',
    ...sitemaps,
    '',
  ];
  return new Response(lines.join('\n'), {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
}
