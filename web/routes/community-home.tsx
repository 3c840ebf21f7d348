import { Form, Link, useActionData } from 'react-router';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { attempt, text } from '../lib/errors.ts';
import { RoleBadge } from '../components/bits.tsx';
import { appContext } from '../context.ts';
import { useT, useViewer } from '../lib/i18n.ts';
import type { Route } from './+types/community-home.ts';
import { useCommunity } from './community.tsx';
import { PollCard } from '../components/research/poll-card.tsx';
import { homePolls } from '../lib/home-polls.ts';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  // Boards and the directory preview are shown only to those allowed to read the community's content.
  const [boards, members, polls] = await Promise.all([
    web.api.listBoards(params.slug).catch(() => ({ items: [], abilities: { manageBoards: false } })),
    web.api.listMembers(params.slug, { limit: 12 }).catch(() => ({ items: [], nextCursor: null })),
    homePolls(web.api, params.slug),
  ]);
  return { boards, members, polls };
}

/** Creates a board (staff). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const input = {
    title: text(form, 'title').trim(),
    slug: text(form, 'slug').trim(),
    kind: text(form, 'kind'),
    description: text(form, 'description').trim(),
    premoderation: form.get('premoderation') === 'on',
  };
  const result = await attempt(web.locale, async () => ({
    created: await web.api.createBoard(params.slug, input),
  }));
  return result && 'created' in result ? result : { ...(result as object), input };
}

export default function CommunityHome({ loaderData }: Route.ComponentProps) {
  const { boards, members, polls } = loaderData;
  const result = useActionData<typeof action>() as
    | {
        created?: { title: string };
        fieldErrors?: Record<string, string>;
        formError?: string;
        input?: Record<string, string | boolean>;
      }
    | undefined;
  const t = useT();
  const viewer = useViewer();
  const community = useCommunity();
  const me = community.viewerMembership;
  return (
    <>
      <h1>{community.name}</h1>
      {community.description ? <p className="lead">{community.description}</p> : null}
      <p className="meta">
        {community.membersCount !== null ? (
          <>{t('community.membersCount', { count: community.membersCount })} · </>
        ) : null}
        {t(`community.visibility.${community.visibility}`)} ·{' '}
        {t(`community.joinPolicy.${community.joinPolicy}`)}
      </p>
      {me?.status === 'active' ? (
        <p className="notice notice--success" role="status">
          {t('community.joined', { pseudonym: me.pseudonym })}
        </p>
      ) : me?.status === 'pending' ? (
        <p className="notice" role="status">
          {t('community.pending')}
        </p>
      ) : community.abilities.join || !viewer ? (
        <p>
          <Link className="button" to={`/c/${community.slug}/join`}>
            {t('community.join')}
          </Link>
        </p>
      ) : null}
      {community.visibility === 'private' && !me ? <p>{t('community.privateNotice')}</p> : null}
      {polls.length > 0 ? (
        <section aria-labelledby="polls-heading">
          <h2 id="polls-heading">{t('research.poll.title')}</h2>
          <div className="cards">
            {polls.map((item) => (
              <PollCard key={item.poll.id} item={item} community={community.slug} />
            ))}
          </div>
        </section>
      ) : null}
      {boards.items.length > 0 ? (
        <section aria-labelledby="boards-heading">
          <h2 id="boards-heading">{t('support.boards')}</h2>
          <ul className="board-list">
            {boards.items.map((board) => (
              <li key={board.id}>
                <Link to={`/c/${community.slug}/b/${board.slug}`} className="topic-title">
                  {board.title}
                </Link>
                <p className="meta">
                  {t(`support.kind.${board.kind}`)} · {t('support.topicsCount', { count: board.topicsCount })}
                </p>
                {board.description ? <p>{board.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {boards.abilities.manageBoards ? (
        <details className="staff-box" open={!!result?.fieldErrors}>
          <summary>{t('support.newBoard')}</summary>
          <FormMessage
            error={result?.formError}
            success={result?.created ? t('support.boardCreated') : null}
          />
          <Form method="post" noValidate>
            <Field
              label={t('support.field.boardTitle')}
              name="title"
              required
              maxLength={100}
              error={result?.fieldErrors?.title}
            />
            <Field
              label={t('support.field.boardSlug')}
              name="slug"
              required
              help={t('community.field.slugHelp')}
              error={result?.fieldErrors?.slug}
            />
            <Field
              label={t('support.field.boardKind')}
              name="kind"
              required
              defaultValue="questions"
              error={result?.fieldErrors?.kind}
            >
              {(['questions', 'discussions', 'announcements'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`support.kind.${k}`)}
                </option>
              ))}
            </Field>
            <Field
              label={t('support.field.boardDescription')}
              name="description"
              multiline
              maxLength={1000}
            />
            <div className="field field--checkbox">
              <label>
                <input type="checkbox" name="premoderation" /> {t('support.field.premoderation')}
              </label>
            </div>
            <SubmitButton>{t('support.newBoard')}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {members.items.length > 0 ? (
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">{t('community.members')}</h2>
          <ul className="member-list">
            {members.items.map((m) => (
              <li key={m.id}>
                <Link to={`/c/${community.slug}/members/${m.id}`}>{m.pseudonym}</Link>{' '}
                <RoleBadge role={m.role} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
