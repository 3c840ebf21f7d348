import { Form, redirect } from 'react-router';
import { LocalTime, NextPage, RankBadge } from '../components/bits.tsx';
import { FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import type { NotificationDto } from '../../server/modules/notifications/notifications.schemas.ts';
import type { Route } from './+types/notifications.ts';

const KINDS = ['reply', 'topic', 'solution', 'mention', 'reminder', 'reward'] as const;

export const meta = titled('notifications.title');

export async function loader({ context, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  if (!web.viewer) throw redirect('/signin?next=/notifications');
  const url = new URL(request.url);
  return guard(web.locale, async () => ({
    page: await web.api.listNotifications({ limit: 30, cursor: url.searchParams.get('cursor') ?? undefined }),
    preferences: await web.api.getEmailPreferences(),
  }));
}

/** Mark one or all notifications read, or save the email preferences (plain forms with an intent). */
export async function action({ context, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  if (!web.viewer) throw redirect('/signin?next=/notifications');
  const form = await request.formData();
  const intent = text(form, 'intent');
  return attempt(web.locale, async () => {
    if (intent === 'preferences') {
      await web.api.updateEmailPreferences(
        Object.fromEntries(KINDS.map((kind) => [kind, form.get(kind) === 'on'])),
      );
      return { done: 'preferences' };
    }
    if (intent === 'readOne') {
      await web.api.markNotificationsRead({ ids: [text(form, 'id')] });
      return { done: 'read' };
    }
    await web.api.markNotificationsRead({ all: true });
    return { done: 'read' };
  });
}

function NotificationItem({ item }: { item: NotificationDto }) {
  const t = useT();
  // A notification about something else than a topic (a reward request) carries its own message and link.
  const label =
    item.kind === 'reward' && item.params
      ? t(`rewards.notification.${String(item.params.step)}`, item.params)
      : t(`notifications.kind.${item.kind}`, {
          actor: item.actorPseudonym ?? t('notifications.someone'),
          topic: item.topicTitle ?? '',
        });
  const href = item.topicId
    ? `/c/${item.community.slug}/t/${item.topicId}${item.replyId ? `#reply-${item.replyId}` : ''}`
    : (item.linkPath ?? `/c/${item.community.slug}`);
  return (
    <li className={`notification${item.read ? '' : ' notification--unread'}`}>
      <p>
        {item.read ? null : <span className="badge">{t('notifications.new')}</span>}{' '}
        <a href={href}>{label}</a> <RankBadge rank={item.actorRank} />
        <br />
        <span className="meta">
          {item.community.name} · <LocalTime iso={item.createdAt} withTime />
        </span>
      </p>
      {item.read ? null : (
        <Form method="post">
          <input type="hidden" name="id" value={item.id} />
          <button type="submit" name="intent" value="readOne" className="link-button">
            {t('notifications.markRead')}
          </button>
        </Form>
      )}
    </li>
  );
}

export default function NotificationsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { page, preferences } = loaderData;
  const result = actionData as { done?: string; formError?: string | null } | undefined;
  return (
    <section>
      <h1>{t('notifications.title')}</h1>
      <p className="lead">{t('notifications.unread', { count: page.unreadCount })}</p>
      <FormMessage
        error={result?.formError}
        success={result?.done === 'preferences' ? t('notifications.preferencesSaved') : null}
      />
      {page.unreadCount > 0 ? (
        <Form method="post">
          <SubmitButton name="intent" value="readAll">
            {t('notifications.markAllRead')}
          </SubmitButton>
        </Form>
      ) : null}
      {page.items.length === 0 ? <p className="empty">{t('notifications.empty')}</p> : null}
      <ul className="notification-list">
        {page.items.map((item) => (
          <NotificationItem key={item.id} item={item} />
        ))}
      </ul>
      <NextPage cursor={page.nextCursor} />
      <section aria-labelledby="email-preferences" className="staff-box">
        <h2 id="email-preferences">{t('notifications.emails')}</h2>
        <Form method="post">
          <fieldset>
            <legend>{t('notifications.emailsHelp')}</legend>
            {KINDS.map((kind) => (
              <div className="field field--checkbox" key={kind}>
                <label>
                  <input type="checkbox" name={kind} defaultChecked={preferences[kind]} />{' '}
                  {t(`notifications.pref.${kind}`)}
                </label>
              </div>
            ))}
          </fieldset>
          <SubmitButton name="intent" value="preferences">
            {t('notifications.savePreferences')}
          </SubmitButton>
        </Form>
      </section>
    </section>
  );
}
