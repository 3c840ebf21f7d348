import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import type { Route } from './+types/sitemap.ts';

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/** Resource route: the community's sitemap (its landing page and its public topics). */
export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const { slug, topics } = await guard(web.locale, () => web.api.listSitemapTopics(params.slug));
  const base = `${web.publicUrl}/c/${slug}`;
  const urls = [
    `<url><loc>${escapeXml(base)}</loc></url>`,
    ...topics.map(
      (topic) =>
        `<url><loc>${escapeXml(`${base}/t/${topic.id}`)}</loc><lastmod>${topic.lastModified}</lastmod></url>`,
    ),
  ];
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
    { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=600' } },
  );
}
