import { Form } from 'react-router';
import { useT } from '../../lib/i18n.ts';
import { Field, FormMessage, SubmitButton } from '../form.tsx';
import { IntentButton } from './intent-button.tsx';

/** A probe of the library as the page shows it. */
interface ProbeView {
  id: string;
  body: string;
  tags: string[];
}

/** What the session page's action answered, as far as these tools are concerned. */
interface ToolsOutcome {
  done?: string;
  probeId?: string;
  probeErrors?: Record<string, string>;
  probeError?: string | null;
  importError?: string;
  importProblems?: { where: string; message: string; path: string }[];
}
type ToolsResult = unknown;

const small = 'button button--small button--secondary';

/** The guide file: download it as JSON, import one (pasted or uploaded) after the guide or in its place. */
function GuideFileTools({ exportUrl, result }: { exportUrl: string; result: ToolsResult }) {
  const t = useT();
  const r = (result ?? {}) as ToolsOutcome;
  return (
    <section aria-labelledby="guide-file" className="stack">
      <h2 id="guide-file">{t('live.import.title')}</h2>
      <p>
        <a className="button button--secondary" href={exportUrl} download>
          {t('live.import.export')}
        </a>
      </p>
      <Form method="post" encType="multipart/form-data" className="stack" preventScrollReset>
        <h3>{t('live.import.importTitle')}</h3>
        {r.importError ? (
          <div className="notice notice--error" role="alert">
            <p>{r.importError}</p>
            {r.importProblems && r.importProblems.length > 0 ? (
              <ul>
                {r.importProblems.map((p, i) => (
                  <li key={i}>
                    <strong>{p.where}</strong> — {p.message}{' '}
                    <span className="meta">
                      ({t('live.import.path', { path: '' })}
                      <code>{p.path}</code>)
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {r.done === 'guide-json' ? <FormMessage success={t('live.import.done')} /> : null}
        <fieldset>
          <legend>{t('live.import.mode')}</legend>
          <label>
            <input type="radio" name="mode" value="append" defaultChecked /> {t('live.import.append')}
          </label>
          <br />
          <label>
            <input type="radio" name="mode" value="replace" /> {t('live.import.replace')}
          </label>
          <p className="field__help">{t('live.import.modeHelp')}</p>
        </fieldset>
        <Field label={t('live.import.paste')} name="json" multiline help={t('live.import.pasteHelp')} />
        <Field label={t('live.import.file')} name="file" type="file" accept="application/json,.json" />
        <SubmitButton name="intent" value="guide-json">
          {t('live.import.submit')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** A library probe's edit form (text and tags), folded until opened or refused. */
function ProbeEditForm({ probe, errors }: { probe: ProbeView; errors?: Record<string, string> }) {
  const t = useT();
  return (
    <details open={!!errors}>
      <summary aria-label={t('live.library.editItem', { item: probe.body })}>
        {t('live.library.edit')}
      </summary>
      <Form method="post" className="stack" preventScrollReset>
        <input type="hidden" name="probeId" value={probe.id} />
        <Field
          label={t('live.library.editBody')}
          name="body"
          multiline
          required
          maxLength={4000}
          defaultValue={probe.body}
          error={errors?.body}
        />
        <Field
          label={t('live.library.editTags')}
          name="tags"
          help={t('live.library.tagsHelp')}
          defaultValue={probe.tags.join(', ')}
          error={errors?.tags}
        />
        <SubmitButton name="intent" value="probe-update">
          {t('live.library.update')}
        </SubmitButton>
      </Form>
    </details>
  );
}

/** The community's probe library: search, insert a probe into a section of this guide, add, remove. */
function ProbeLibrary({
  probes,
  probeSearch,
  sections,
  result,
}: {
  probes: { items: ProbeView[]; truncated: boolean };
  probeSearch: string;
  sections: string[];
  result: ToolsResult;
}) {
  const t = useT();
  const r = (result ?? {}) as ToolsOutcome;
  return (
    <section aria-labelledby="probe-library" className="stack live-library">
      <h2 id="probe-library">{t('live.library.title')}</h2>
      <Form method="get" className="inline-actions" role="search" preventScrollReset>
        <Field label={t('live.library.search')} name="probes" type="search" defaultValue={probeSearch} />
        <button type="submit" className={small}>
          {t('live.library.searchButton')}
        </button>
      </Form>
      {probes.items.length === 0 ? <p className="empty">{t('live.library.empty')}</p> : null}
      <ul className="plain-list">
        {probes.items.map((probe) => (
          <li key={probe.id} className="live-library__probe">
            <p>
              {probe.body}{' '}
              {probe.tags.map((tag) => (
                <span key={tag} className="badge">
                  {tag}
                </span>
              ))}
            </p>
            <Form method="post" className="inline-actions" preventScrollReset>
              <input type="hidden" name="probeId" value={probe.id} />
              <input type="hidden" name="body" value={probe.body} />
              <Field
                label={t('live.library.into')}
                name="section"
                defaultValue={sections[sections.length - 1] ?? ''}
                list="guide-section-titles"
                required
                maxLength={200}
              />
              <IntentButton intent="probe-insert" label={t('live.library.insertItem', { item: probe.body })}>
                {t('live.library.insert')}
              </IntentButton>
              <button
                type="submit"
                name="intent"
                value="probe-delete"
                className={small}
                aria-label={t('live.library.deleteItem', { item: probe.body })}
                onClick={(event) => {
                  if (!window.confirm(t('live.library.confirmDelete'))) event.preventDefault();
                }}
              >
                ✕
              </button>
            </Form>
            {r.probeId === probe.id && r.done === 'probe-update' ? (
              <FormMessage success={t('live.library.updated')} />
            ) : null}
            <ProbeEditForm probe={probe} errors={r.probeId === probe.id ? r.probeErrors : undefined} />
          </li>
        ))}
      </ul>
      {probes.truncated ? <p className="meta">{t('live.library.truncated')}</p> : null}
      <datalist id="guide-section-titles">
        {sections.map((title) => (
          <option key={title} value={title} />
        ))}
      </datalist>
      <Form method="post" className="stack" preventScrollReset>
        <h3>{t('live.library.addTitle')}</h3>
        <Field label={t('live.library.body')} name="body" multiline required maxLength={4000} />
        <Field label={t('live.library.tags')} name="tags" help={t('live.library.tagsHelp')} />
        <SubmitButton name="intent" value="probe-create">
          {t('live.library.add')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** The guide's tools beside the editor: the JSON guide file and, for research staff, the probe library. */
export function GuideTools({
  exportUrl,
  sections,
  probes,
  probeSearch,
  result,
}: {
  exportUrl: string;
  sections: string[];
  probes: { items: ProbeView[]; truncated: boolean } | null;
  probeSearch: string;
  result: ToolsResult;
}) {
  return (
    <>
      <GuideFileTools exportUrl={exportUrl} result={result} />
      {probes ? (
        <ProbeLibrary probes={probes} probeSearch={probeSearch} sections={sections} result={result} />
      ) : null}
    </>
  );
}
