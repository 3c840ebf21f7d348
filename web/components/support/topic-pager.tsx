import { Link } from 'react-router';
import { useT } from '../../lib/i18n.ts';

/** A topic's page info as `getTopic` returns it. */
export interface PageInfo {
  number: number;
  count: number;
}

/** The URL of page `n` of a topic (page 1 has no `?page`). */
export function topicPageUrl(base: string, n: number): string {
  return n > 1 ? `${base}?page=${n}` : base;
}

/** `<link rel=prev/next>` entries of a topic page's `meta`. */
export function topicPageLinks(base: string, page: PageInfo) {
  return [
    ...(page.number > 1 ? [{ tagName: 'link', rel: 'prev', href: topicPageUrl(base, page.number - 1) }] : []),
    ...(page.number < page.count
      ? [{ tagName: 'link', rel: 'next', href: topicPageUrl(base, page.number + 1) }]
      : []),
  ];
}

/** The numbers shown in the pager: the first, the last, and two either side of the current page. */
function visiblePages({ number, count }: PageInfo): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - number) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** Visible navigation between the pages of a topic's replies (nothing when there is one page). */
export function TopicPager({ page, base }: { page: PageInfo; base: string }) {
  const t = useT();
  if (page.count <= 1) return null;
  return (
    <nav className="pager" aria-label={t('support.pages')}>
      <p className="meta">{t('support.pageOf', { number: page.number, count: page.count })}</p>
      <ul>
        {page.number > 1 ? (
          <li>
            <Link to={topicPageUrl(base, page.number - 1)} rel="prev">
              {t('support.previousPage')}
            </Link>
          </li>
        ) : null}
        {visiblePages(page).map((n, index) =>
          n === null ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                to={topicPageUrl(base, n)}
                aria-current={n === page.number ? 'page' : undefined}
                aria-label={t('support.pageN', { number: n })}
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {page.number < page.count ? (
          <li>
            <Link to={topicPageUrl(base, page.number + 1)} rel="next">
              {t('support.nextPage')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
