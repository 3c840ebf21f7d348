import { redirect } from 'react-router';
import { LocalTime, NextPage } from '../components/bits.tsx';
import { appContext } from '../context.ts';
import { guard } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/admin-outbox.ts';
import { titled } from '../lib/meta.ts';
import { SmsOutbox } from '../components/recruitment/sms-outbox.tsx';

export async function loader({ context, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  if (!web.viewer) throw redirect('/signin?next=/admin/outbox');
  const url = new URL(request.url);
  const mail = await guard(web.locale, () =>
    web.api.listMail({
      limit: 50,
      cursor: url.searchParams.get('cursor') ?? undefined,
      to: url.searchParams.get('to') ?? undefined,
    }),
  );
  return { ...mail, sms: await guard(web.locale, () => web.api.listSms()) };
}

/** Makes the links in a plain-text email clickable (the text is rendered as text, never as HTML). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="mail-body">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} rel="nofollow noopener">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <section>
      <h1>{t('outbox.title')}</h1>
      <p className="lead">{t('outbox.intro')}</p>
      {loaderData.items.length === 0 ? <p className="empty">{t('outbox.empty')}</p> : null}
      <ul className="mail-list">
        {loaderData.items.map((mail) => (
          <li key={mail.id}>
            <details>
              <summary>
                <span className="mail-subject">{mail.subject}</span> · {mail.to} ·{' '}
                {t(`outbox.status.${mail.status}`)} · <LocalTime iso={mail.createdAt} withTime />
              </summary>
              <Linkified text={mail.text} />
              {mail.attachments.length > 0 ? (
                <>
                  <h2 className="meta">{t('outbox.attachments')}</h2>
                  <ul>
                    {mail.attachments.map((a) => (
                      <li key={a.filename}>
                        {a.filename} ({a.contentType}, {t('outbox.bytes', { count: a.bytes })})
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </details>
          </li>
        ))}
      </ul>
      <NextPage cursor={loaderData.nextCursor} />
      <SmsOutbox sms={loaderData.sms} />
    </section>
  );
}

export const meta = titled('outbox.title');
