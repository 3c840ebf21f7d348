import { type FormEvent, useState } from 'react';
import { Form } from 'react-router';
import type { ImportResultDto } from '../../../server/modules/recruitment/recruitment.schemas.ts';
import { useT } from '../../lib/i18n.ts';
import { csvBatches } from '../../lib/recruitment-form.ts';
import { text } from '../../lib/errors.ts';
import { Field, FormMessage } from '../form.tsx';

/** Rows per request: the server takes at most 500; smaller batches move the progress bar sooner. */
const BATCH = 200;

/** The per-row outcome of an import or preview, with its counts. */
export function ImportReport({ report }: { report: ImportResultDto }) {
  const t = useT();
  return (
    <section aria-live="polite">
      <h2>{report.preview ? t('recruitment.import.previewTitle') : t('recruitment.import.doneTitle')}</h2>
      <p role="status">
        {t('recruitment.import.summary', {
          invited: report.invited,
          duplicates: report.duplicates,
          invalid: report.invalid,
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th>{t('recruitment.import.line')}</th>
            <th>{t('recruitment.import.email')}</th>
            <th>{t('recruitment.import.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.line}>
              <td>{r.line}</td>
              <td>{r.email}</td>
              <td>
                {t(`recruitment.import.outcome.${r.outcome}`)}
                {r.problem ? ` — ${r.problem}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The CSV import form: a file, its column mapping, a preview and the import. With JavaScript the file is
 * sent in batches straight to the API with a progress bar; without it, the form posts to the page.
 */
export function ContactImport({
  apiPath,
  errors,
}: {
  apiPath: string;
  errors: { fieldErrors: Record<string, string>; formError: string | null } | null;
}) {
  const t = useT();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<ImportResultDto | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function send(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    event.preventDefault();
    const { header, batches } = csvBatches(await file.text(), BATCH);
    const mapping: Record<string, string> = { email: text(form, 'email') };
    for (const key of ['phone', 'name', 'locale']) if (text(form, key)) mapping[key] = text(form, key);
    const preview = submitter?.value === 'preview';
    const total: ImportResultDto = { preview, invited: 0, duplicates: 0, invalid: 0, rows: [] };
    setFailure(null);
    setReport(null);
    setProgress({ done: 0, total: batches.length });
    let line = 2;
    for (const [i, rows] of batches.entries()) {
      const response = await fetch(apiPath, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          csv: [header, ...rows].join('\n'),
          mapping,
          preview,
          firstLine: line,
          defaultLocale: form.get('defaultLocale') === 'en' ? 'en' : 'fr',
        }),
      });
      const body = (await response.json()) as ImportResultDto & { detail?: string; title?: string };
      if (!response.ok) {
        setFailure(body.detail ?? body.title ?? String(response.status));
        break;
      }
      total.invited += body.invited;
      total.duplicates += body.duplicates;
      total.invalid += body.invalid;
      total.rows.push(...body.rows);
      line += rows.length;
      setProgress({ done: i + 1, total: batches.length });
    }
    setReport({ ...total, rows: [...total.rows] });
  }

  return (
    <>
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={(e) => void send(e)}>
        <FormMessage error={failure ?? errors?.formError} />
        <Field
          label={t('recruitment.import.file')}
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          error={errors?.fieldErrors.csv}
        />
        <Field
          label={t('recruitment.import.emailColumn')}
          name="email"
          required
          defaultValue="email"
          error={errors?.fieldErrors.mapping}
        />
        <Field label={t('recruitment.import.phoneColumn')} name="phone" defaultValue="" />
        <Field label={t('recruitment.import.nameColumn')} name="name" defaultValue="" />
        <Field label={t('recruitment.import.localeColumn')} name="locale" defaultValue="" />
        <Field label={t('recruitment.import.defaultLocale')} name="defaultLocale" defaultValue="fr" required>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </Field>
        <p className="actions">
          <button type="submit" className="button button--secondary" name="intent" value="preview">
            {t('recruitment.import.preview')}
          </button>{' '}
          <button type="submit" className="button" name="intent" value="import">
            {t('recruitment.import.send')}
          </button>
        </p>
      </Form>
      {progress ? (
        <p>
          <label htmlFor="import-progress">
            {t('recruitment.import.progress', { done: progress.done, total: progress.total })}
          </label>{' '}
          <progress id="import-progress" max={Math.max(progress.total, 1)} value={progress.done} />
        </p>
      ) : null}
      {report ? <ImportReport report={report} /> : null}
    </>
  );
}
