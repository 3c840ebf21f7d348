import { useT } from '../../lib/i18n.ts';

/** One quota cell of a campaign and how many applicants fill it. */
export interface QuotaCell {
  question: string;
  option: string;
  limit: number;
  filled: number;
}

/** A campaign's quota cells with a progress bar each (campaigns page, panel health). */
export function QuotaFillList({ cells }: { cells: QuotaCell[] }) {
  const t = useT();
  if (cells.length === 0) return null;
  return (
    <ul>
      {cells.map((q) => (
        <li key={`${q.question}:${q.option}`}>
          {q.question} = {q.option}:{' '}
          <progress max={Math.max(q.limit, 1)} value={Math.min(q.filled, q.limit)} />{' '}
          {t('recruitment.campaigns.fill', { filled: q.filled, limit: q.limit })}
        </li>
      ))}
    </ul>
  );
}
