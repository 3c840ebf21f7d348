import { useState } from 'react';
import type { LiveBackroomEntry } from '../../../common/live/protocol.ts';
import { text } from '../../lib/errors.ts';
import { useT } from '../../lib/i18n.ts';
import { LocalTime } from '../bits.tsx';

/**
 * The confidential backroom at the bottom right of the staff's screen: observers and moderators talk,
 * observers suggest probes, the moderator approves (editing if needed) or rejects them. Participants never
 * receive any of it (the server never sends it to them).
 */
export function BackroomPanel({
  entries,
  moderator,
  onSend,
  onDecide,
  onSaveProbe,
}: {
  entries: LiveBackroomEntry[];
  moderator: boolean;
  onSend: (body: string, suggest: boolean) => Promise<string | null>;
  onDecide: (suggestionId: string, decision: 'approve' | 'reject', body: string) => Promise<string | null>;
  /** Saves a suggested or approved probe to the community's library (absent: the viewer may not). */
  onSaveProbe?: (body: string) => Promise<string | null>;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  // Per backroom entry: saved to the library (null) or the refusal's message.
  const [saved, setSaved] = useState<Record<number, string | null>>({});
  const decided = new Set(
    entries.filter((e) => e.kind === 'approved' || e.kind === 'rejected').map((e) => e.suggestionId),
  );
  return (
    <aside className="live-backroom" aria-labelledby="backroom-title" tabIndex={0}>
      <details open>
        <summary id="backroom-title">{t('live.backroom.title')}</summary>
        <p className="meta">{t('live.backroom.confidential')}</p>
        <ol className="live-backroom__entries" aria-live="polite">
          {entries.map((e) => (
            <li key={e.seq} className={`live-backroom__entry live-backroom__entry--${e.kind}`}>
              <strong>{e.author ?? t('live.room.system')}</strong>{' '}
              <span className="meta">
                <LocalTime iso={e.at} withTime />
              </span>
              {e.kind !== 'message' ? (
                <span className="badge">{t(`live.backroom.kind.${e.kind}`)}</span>
              ) : null}
              <p>{e.body}</p>
              {onSaveProbe && (e.kind === 'suggestion' || e.kind === 'approved') ? (
                <p className="inline-actions">
                  {e.seq in saved && saved[e.seq] === null ? (
                    <span className="meta" role="status">
                      ✓ {t('live.backroom.probeSaved')}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      aria-label={t('live.backroom.saveProbeItem', { item: e.body })}
                      onClick={async () => {
                        const failure = await onSaveProbe(e.body);
                        setSaved((s) => ({ ...s, [e.seq]: failure }));
                      }}
                    >
                      {t('live.backroom.saveProbe')}
                    </button>
                  )}
                  {saved[e.seq] ? (
                    <span className="field__error" role="alert">
                      {saved[e.seq]}
                    </span>
                  ) : null}
                </p>
              ) : null}
              {moderator && e.kind === 'suggestion' && e.suggestionId && !decided.has(e.suggestionId) ? (
                <form
                  className="stack"
                  onSubmit={async (event) => {
                    event.preventDefault();
                    const submitter = event.nativeEvent.submitter as HTMLButtonElement | null;
                    const form = new FormData(event.currentTarget);
                    const decision = submitter?.value === 'reject' ? 'reject' : 'approve';
                    setError(await onDecide(e.suggestionId!, decision, text(form, 'body')));
                  }}
                >
                  <label htmlFor={`probe-${e.seq}`}>{t('live.backroom.editProbe')}</label>
                  <textarea
                    id={`probe-${e.seq}`}
                    name="body"
                    rows={2}
                    defaultValue={e.body}
                    maxLength={4000}
                  />
                  <p className="inline-actions">
                    <button type="submit" value="approve" className="button button--small">
                      {t('live.backroom.approve')}
                    </button>
                    <button type="submit" value="reject" className="button button--small button--secondary">
                      {t('live.backroom.reject')}
                    </button>
                  </p>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
        <form
          className="stack"
          onSubmit={async (event) => {
            event.preventDefault();
            const submitter = event.nativeEvent.submitter as HTMLButtonElement | null;
            const form = event.currentTarget;
            const failure = await onSend(text(new FormData(form), 'body'), submitter?.value === 'suggest');
            setError(failure);
            if (!failure) form.reset();
          }}
        >
          <label htmlFor="backroom-body">{t('live.backroom.write')}</label>
          <textarea id="backroom-body" name="body" rows={2} maxLength={2000} required />
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <p className="inline-actions">
            <button type="submit" value="message" className="button button--small">
              {t('live.backroom.send')}
            </button>
            <button type="submit" value="suggest" className="button button--small button--secondary">
              {t('live.backroom.suggest')}
            </button>
          </p>
        </form>
      </details>
    </aside>
  );
}
