import { useEffect, useState } from 'react';
import { Field } from '../form.tsx';

/**
 * A start time typed in the viewer's own time zone: a `datetime-local` input plus the zone's offset (in
 * minutes), filled in by the browser. Without JavaScript the offset stays 0 and the help says the time is UTC.
 */
export function LocalDateTimeField({
  label,
  help,
  helpUtc,
  defaultIso,
  error,
}: {
  label: string;
  help: string;
  helpUtc: string;
  defaultIso?: string;
  error?: string;
}) {
  const [offset, setOffset] = useState<number | null>(null);
  const [value, setValue] = useState(defaultIso ? defaultIso.slice(0, 16) : '');
  useEffect(() => {
    setOffset(new Date().getTimezoneOffset());
    if (defaultIso) {
      const d = new Date(defaultIso);
      setValue(new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
    }
  }, [defaultIso]);
  return (
    <>
      <Field
        label={label}
        name="startsAt"
        type="datetime-local"
        required
        value={value}
        onChange={(e) => setValue(e.target.value)}
        help={offset === null ? helpUtc : help}
        error={error}
      />
      <input type="hidden" name="offset" value={offset ?? 0} />
    </>
  );
}

/** Turns a `datetime-local` value and the browser's offset (minutes, as `getTimezoneOffset`) into ISO UTC. */
export function toUtcIso(local: string, offsetMinutes: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return local;
  const [, y, mo, d, h, mi] = match.map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi) + (Number(offsetMinutes) || 0) * 60_000;
  return new Date(utc).toISOString();
}
