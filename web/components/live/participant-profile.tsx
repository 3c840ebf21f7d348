import { useState } from 'react';
import type { LiveParticipantProfile } from '../../../common/live/protocol.ts';
import { useT } from '../../lib/i18n.ts';

type Request = (
  event: string,
  payload: Record<string, unknown>,
) => Promise<{ ok: boolean; message?: string; profile?: LiveParticipantProfile }>;

const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value));

/**
 * A moderator's "profile" disclosure next to a participant: opening it asks the server (`live.profile`,
 * which writes the look to the access log) and shows the pseudonym and the attributes the moderator may
 * read; closing and reopening asks again.
 */
export function ParticipantProfile({
  memberId,
  pseudonym,
  request,
}: {
  memberId: string;
  pseudonym: string;
  request: Request;
}) {
  const t = useT();
  const [profile, setProfile] = useState<LiveParticipantProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const toggle = async () => {
    if (open) {
      setOpen(false);
      setProfile(null);
      return;
    }
    setOpen(true);
    const reply = await request('live.profile', { memberId });
    setError(reply.ok ? null : reply.message || t('error.internal'));
    setProfile(reply.ok && reply.profile ? reply.profile : null);
  };
  const panelId = `profile-${memberId}`;
  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => void toggle()}
      >
        {t('live.profile.open', { pseudonym })}
      </button>
      {open ? (
        <div
          id={panelId}
          className="live-profile"
          role="region"
          aria-label={t('live.profile.title', { pseudonym })}
        >
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          {profile ? (
            <dl>
              <dt>{t('live.profile.pseudonym')}</dt>
              <dd>{profile.pseudonym}</dd>
              {profile.fields.map((f) => (
                <div key={f.key}>
                  <dt>
                    {f.label}
                    {f.visibility === 'staff_only' ? ` (${t('live.profile.staffOnly')})` : ''}
                  </dt>
                  <dd>{shown(f.value)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {profile && profile.fields.length === 0 ? <p className="meta">{t('live.profile.empty')}</p> : null}
          <p className="meta">{t('live.profile.logged')}</p>
        </div>
      ) : null}
    </>
  );
}
