import type { SmsListDto } from '../../../server/modules/recruitment/recruitment.schemas.ts';
import { useT } from '../../lib/i18n.ts';
import { LocalTime } from '../bits.tsx';

/** The SMS outbox section of the admin outbox page: the provider in use and the latest text messages. */
export function SmsOutbox({ sms }: { sms: SmsListDto }) {
  const t = useT();
  return (
    <section aria-labelledby="sms-outbox">
      <h2 id="sms-outbox">{t('recruitment.smsOutbox.title')}</h2>
      <p className="lead">{t('recruitment.smsOutbox.intro', { provider: sms.provider })}</p>
      {sms.items.length === 0 ? <p className="empty">{t('recruitment.smsOutbox.empty')}</p> : null}
      <ul className="mail-list sms-list">
        {sms.items.map((m) => (
          <li key={m.id}>
            <span className="mail-subject">{m.to}</span> · {t(`recruitment.smsOutbox.status.${m.status}`)} ·{' '}
            <LocalTime iso={m.createdAt} withTime />
            {m.error ? (
              <p className="field__error">
                {t('recruitment.smsOutbox.error', { count: m.attempts, error: m.error })}
              </p>
            ) : null}
            <pre className="mail-body">{m.text}</pre>
          </li>
        ))}
      </ul>
    </section>
  );
}
