import { data, Form, Link, useSearchParams } from 'react-router';
import type { SearchResultsDto } from '../../server/modules/search/search.schemas.ts';
import { LocalTime, RankBadge } from '../components/bits.tsx';
import { Field, FormMessage } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { Route } from './+types/community-search.ts';
import { useCommunity } from './community.tsx';

/** The search form's fields, as typed (every one a string, '' when empty). */
const FIELDS = ['q', 'board', 'tag', 'solved', 'author', 'from', 'to'] as const;
type SearchForm = Record<(typeof FIELDS)[number], string>;

/** The search form's values turned into the command's query: empty filters left out, `solved` a boolean. */
function queryOf(form: SearchForm, cursor: string | null): Record<string, unknown> {
  const query: Record<string, unknown> = { q: form.q, limit: 20 };
  for (const name of ['board', 'tag', 'author', 'from', 'to'] as const)
    if (form[name]) query[name] = form[name];
  if (form.solved)
    query.solved = form.solved === 'true' ? true : form.solved === 'false' ? false : form.solved;
  if (cursor) query.cursor = cursor;
  return query;
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const url = new URL(request.url);
  const form = Object.fromEntries(
    FIELDS.map((name) => [name, (url.searchParams.get(name) ?? '').slice(0, 300)]),
  ) as SearchForm;
  const boards = (await guard(web.locale, () => web.api.listBoards(params.slug))).items.map((b) => ({
    slug: b.slug,
    title: b.title,
  }));
  const page = { form, boards, results: null as SearchResultsDto | null, errors: null };
  // No query yet (the page was just opened): the form alone.
  if (!url.searchParams.has('q')) return page;
  const outcome = await attempt(web.locale, () =>
    web.api.searchCommunity(params.slug, queryOf(form, url.searchParams.get('cursor'))),
  );
  if ('items' in outcome) return { ...page, results: outcome };
  return data({ ...page, errors: outcome.data }, { status: outcome.init?.status ?? 422 });
}

export const meta = titled('search.title');

/** The link to a page of results: the same search, another cursor (none: the first page). */
function pageLink(params: URLSearchParams, cursor: string | null): string {
  const next = new URLSearchParams(params);
  if (cursor) next.set('cursor', cursor);
  else next.delete('cursor');
  return `?${next.toString()}`;
}

/** The community search: a GET form (words and filters), highlighted results, "did you mean", paging. */
export default function CommunitySearch({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const [params] = useSearchParams();
  const { form, boards, results, errors } = loaderData;
  const fieldErrors: Record<string, string> = errors?.fieldErrors ?? {};
  const filtered = ['board', 'tag', 'solved', 'author', 'from', 'to'].some(
    (name) => !!form[name as keyof SearchForm],
  );
  return (
    <section className="search-page">
      <h1>{t('search.title')}</h1>
      <p className="lead">{t('search.intro')}</p>
      <FormMessage error={errors?.formError} />
      <Form method="get" role="search" className="search-form">
        <Field
          label={t('search.field.q')}
          name="q"
          type="search"
          required
          maxLength={200}
          defaultValue={form.q}
          help={t('search.field.qHelp')}
          error={fieldErrors.q}
        />
        <details open={filtered || Object.keys(fieldErrors).some((name) => name !== 'q')}>
          <summary>{t('search.filters')}</summary>
          <div className="search-form__filters">
            <Field
              label={t('search.field.board')}
              name="board"
              defaultValue={form.board}
              error={fieldErrors.board}
            >
              <option value="">{t('search.anyBoard')}</option>
              {boards.map((board) => (
                <option key={board.slug} value={board.slug}>
                  {board.title}
                </option>
              ))}
            </Field>
            <Field
              label={t('search.field.tag')}
              name="tag"
              maxLength={30}
              defaultValue={form.tag}
              error={fieldErrors.tag}
            />
            <Field
              label={t('search.field.solved')}
              name="solved"
              defaultValue={form.solved}
              error={fieldErrors.solved}
            >
              <option value="">{t('search.solvedAny')}</option>
              <option value="true">{t('search.solvedYes')}</option>
              <option value="false">{t('search.solvedNo')}</option>
            </Field>
            <Field
              label={t('search.field.author')}
              name="author"
              maxLength={30}
              defaultValue={form.author}
              error={fieldErrors.author}
            />
            <Field
              label={t('search.field.from')}
              name="from"
              type="date"
              defaultValue={form.from}
              error={fieldErrors.from}
            />
            <Field
              label={t('search.field.to')}
              name="to"
              type="date"
              defaultValue={form.to}
              error={fieldErrors.to}
            />
          </div>
        </details>
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
      </Form>
      {results ? (
        <>
          <p role="status" className="search-count">
            {results.total > 0 ? t('search.results', { count: results.total }) : t('search.noResults')}
          </p>
          {results.suggestions.length > 0 ? (
            <nav aria-labelledby="did-you-mean" className="did-you-mean">
              <h2 id="did-you-mean">{t('search.didYouMean')}</h2>
              <ul>
                {results.suggestions.map((topic) => (
                  <li key={topic.id}>
                    <Link to={`/c/${community.slug}/t/${topic.id}`}>{topic.title}</Link>{' '}
                    {topic.solved ? <span className="badge badge--solved">{t('support.solved')}</span> : null}{' '}
                    <span className="meta">{topic.board.title}</span>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {results.items.length > 0 ? (
            <ol className="search-results">
              {results.items.map((hit) => (
                <li key={hit.id}>
                  <h2 className="search-hit__title">
                    {/* Safe: the server escapes member text and adds only <mark> elements. */}
                    <Link
                      to={`/c/${community.slug}/t/${hit.id}`}
                      dangerouslySetInnerHTML={{ __html: hit.titleHtml }}
                    />
                  </h2>
                  {hit.snippetHtml ? (
                    <p className="search-hit__snippet">
                      {hit.matchedInReply ? (
                        <span className="badge">{t('search.matchedInReply')}</span>
                      ) : null}{' '}
                      <span dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
                    </p>
                  ) : null}
                  <p className="meta">
                    {hit.solved ? <span className="badge badge--solved">{t('support.solved')}</span> : null}{' '}
                    <Link to={`/c/${community.slug}/b/${hit.board.slug}`}>{hit.board.title}</Link> ·{' '}
                    {t('support.by', { pseudonym: hit.author.pseudonym })}{' '}
                    <RankBadge rank={hit.author.rank} /> · {t('support.replies', { count: hit.repliesCount })}{' '}
                    · <LocalTime iso={hit.createdAt} />
                  </p>
                </li>
              ))}
            </ol>
          ) : null}
          <p className="search-paging">
            {params.get('cursor') ? <Link to={pageLink(params, null)}>{t('search.first')}</Link> : null}{' '}
            {results.nextCursor ? (
              <Link to={pageLink(params, results.nextCursor)} rel="next">
                {t('search.next')}
              </Link>
            ) : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
