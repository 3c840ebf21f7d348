import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLocale, useT } from '../lib/i18n.ts';

/**
 * Date formatters by language, style and time zone. Building an `Intl.DateTimeFormat` costs far more than
 * formatting with one (it loads the locale's data): a topic page shows a date per post, so they are kept.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, withTime: boolean, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${withTime ? 't' : 'd'}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = withTime
      ? { dateStyle: 'medium', timeStyle: 'short' }
      : { dateStyle: 'long' };
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

/** Shows a date in the viewer's language and time zone (the server renders UTC, the browser corrects). */
export function LocalTime({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const locale = useLocale();
  const [zone, setZone] = useState<string>('UTC');
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const formatted = dateFormat(locale, withTime, zone).format(new Date(iso));
  return <time dateTime={iso}>{formatted}</time>;
}

/** A role badge (member roles are translated; plain members get no badge). */
export function RoleBadge({ role }: { role: string }) {
  const t = useT();
  if (role === 'member') return null;
  return <span className={`badge badge--${role}`}>{t(`role.${role}`)}</span>;
}

/** A member's rank (points area) next to their pseudonym; nothing before they hold one. */
export function RankBadge({ rank }: { rank: string | null | undefined }) {
  const t = useT();
  if (!rank) return null;
  return (
    <span className="badge badge--rank" title={t('points.balance.rank')}>
      {rank}
    </span>
  );
}

/** A round avatar with the pseudonym's initial (no photo stored yet). */
export function Avatar({ name }: { name: string }) {
  const initial = [...name.trim()][0]?.toUpperCase() ?? '?';
  let hue = 0;
  for (const ch of name) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  return (
    <span className="avatar" aria-hidden="true" style={{ background: `hsl(${hue} 45% 42%)` }}>
      {initial}
    </span>
  );
}

/** The link to the next page of a list: keeps the current filters, replaces the cursor. */
export function NextPage({ cursor }: { cursor: string | null }) {
  const t = useT();
  const [params] = useSearchParams();
  if (!cursor) return null;
  const next = new URLSearchParams(params);
  next.set('cursor', cursor);
  return (
    <p>
      <Link to={`?${next.toString()}`} rel="next">
        {t('members.next')}
      </Link>
    </p>
  );
}
