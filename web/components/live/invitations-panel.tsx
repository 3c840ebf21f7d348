import { Form } from 'react-router';
import { useT } from '../../lib/i18n.ts';
import { Field, FormMessage, SubmitButton } from '../form.tsx';

interface Participant {
  memberId: string;
  pseudonym: string;
  invitation: string;
  attendance: string;
}

/** Who was invited and what they answered (staff), and a form to invite more members (over-recruiting). */
export function InvitationsPanel({
  participants,
  candidates,
  segments = [],
  counts,
  capacity,
  error,
}: {
  participants: Participant[];
  candidates: { id: string; pseudonym: string }[];
  /** The community's saved segments (community staff only): invite all their active members at once. */
  segments?: { id: string; name: string; size: number }[];
  counts: { invited: number; accepted: number; declined: number };
  capacity: number;
  error?: string | null;
}) {
  const t = useT();
  const invited = new Set(participants.map((p) => p.memberId));
  const open = candidates.filter((c) => !invited.has(c.id));
  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('live.invitations.title')}</h2>
      <p>{t('live.invitations.counts', { ...counts, capacity })}</p>
      {participants.length === 0 ? (
        <p className="empty">{t('live.invitations.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('live.invitations.pseudonym')}</th>
                <th scope="col">{t('live.invitations.answer')}</th>
                <th scope="col">{t('live.invitations.attendance')}</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.memberId}>
                  <td>{p.pseudonym}</td>
                  <td>{t(`live.invitation.${p.invitation}`)}</td>
                  <td>{t(`live.attendance.${p.attendance}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open.length > 0 ? (
        <Form method="post" className="stack">
          <FormMessage error={error} />
          <fieldset>
            <legend>{t('live.invitations.pick')}</legend>
            <ul className="checklist">
              {open.map((c) => (
                <li key={c.id}>
                  <label>
                    <input type="checkbox" name="memberIds" value={c.id} /> {c.pseudonym}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <SubmitButton name="intent" value="invite">
            {t('live.invitations.submit')}
          </SubmitButton>
        </Form>
      ) : null}
      {segments.length > 0 ? (
        <Form method="post" className="stack">
          <Field
            label={t('live.invitations.segment')}
            name="segmentId"
            required
            help={t('live.invitations.segmentHelp')}
          >
            {segments.map((g) => (
              <option key={g.id} value={g.id}>
                {t('live.invitations.segmentOption', { name: g.name, count: g.size })}
              </option>
            ))}
          </Field>
          <SubmitButton name="intent" value="invite">
            {t('live.invitations.inviteSegment')}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
