import type { LedgerEntryDto } from '../../../server/modules/rewards/rewards.schemas.ts';
import { useT } from '../../lib/i18n.ts';
import { LocalTime } from '../bits.tsx';

/** The reasons the system writes on reversals and restored awards (event types), translated; staff reasons are shown as written. */
const SYSTEM_REASONS = [
  'content.hidden',
  'content.deleted',
  'reply.deleted',
  'topic.deleted',
  'solution.unaccepted',
  'content.restored',
];

/** What a ledger entry is about, in words: the action for awards, the kind otherwise. */
export function entryLabel(t: ReturnType<typeof useT>, entry: LedgerEntryDto): string {
  if (entry.kind === 'award' && entry.action) return t(`points.action.${entry.action}`);
  return t(`points.kind.${entry.kind}`);
}

/** The reason shown to the member (translated when the system wrote it). */
export function entryReason(t: ReturnType<typeof useT>, entry: LedgerEntryDto): string | null {
  if (!entry.reason) return null;
  return SYSTEM_REASONS.includes(entry.reason) ? t(`points.reason.${entry.reason}`) : entry.reason;
}

/** A signed number of points in the viewer's language. */
export function Points({ value }: { value: number }) {
  const t = useT();
  return (
    <span className={value < 0 ? 'points points--minus' : 'points'}>
      {t('points.amount', { count: value })}
    </span>
  );
}

/** A status badge of an award. */
export function AwardStatus({ status }: { status: string | null }) {
  const t = useT();
  if (!status) return null;
  return <span className={`badge badge--points-${status}`}>{t(`points.status.${status}`)}</span>;
}

/** A table of ledger entries (history or pending awards), with an optional cell of actions per row. */
export function LedgerTable({
  items,
  showMember = false,
  actions,
}: {
  items: LedgerEntryDto[];
  showMember?: boolean;
  actions?: (entry: LedgerEntryDto) => React.ReactNode;
}) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('points.col.date')}</th>
            {showMember ? <th scope="col">{t('points.col.member')}</th> : null}
            <th scope="col">{t('points.col.what')}</th>
            <th scope="col">{t('points.col.points')}</th>
            <th scope="col">{t('points.col.status')}</th>
            {actions ? <th scope="col">{t('points.col.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => {
            const reason = entryReason(t, entry);
            return (
              <tr key={entry.id}>
                <td>
                  <LocalTime iso={entry.createdAt} withTime />
                </td>
                {showMember ? <td>{entry.pseudonym}</td> : null}
                <td>
                  {entryLabel(t, entry)}
                  {reason ? <span className="meta"> · {t('points.reasonIs', { reason })}</span> : null}
                </td>
                <td>
                  <Points value={entry.points} />
                </td>
                <td>
                  <AwardStatus status={entry.status} />
                  {entry.status === 'pending' && entry.releaseAt ? (
                    <span className="meta">
                      {' '}
                      {t('points.until')} <LocalTime iso={entry.releaseAt} withTime />
                    </span>
                  ) : null}
                </td>
                {actions ? <td>{actions(entry)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
