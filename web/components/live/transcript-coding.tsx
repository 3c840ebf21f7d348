import { type ReactNode, useRef, useState } from 'react';
import { Form, Link } from 'react-router';
import { useT } from '../../lib/i18n.ts';
import { Field, FormMessage, SubmitButton } from '../form.tsx';

/** A code of the session's codebook with its excerpts, as the transcript carries it. */
export interface CodeView {
  id: string;
  name: string;
  colour: string;
  excerpts: {
    id: string;
    seq: number;
    start: number | null;
    end: number | null;
    quote: string;
    author: string | null;
  }[];
}

const small = 'button button--small button--secondary';

/** A code's name with its colour. */
export function CodeChip({
  code,
  children,
}: {
  code: Pick<CodeView, 'name' | 'colour'>;
  children?: ReactNode;
}) {
  return (
    <span className="live-code__chip" style={{ ['--code-colour' as string]: code.colour }}>
      {code.name}
      {children}
    </span>
  );
}

/** The characters of `body` that the reader's selection covers, or null when it is not inside it. */
function selectedSpan(body: HTMLElement): { start: number; end: number; text: string } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(body);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const text = range.toString();
  return text.trim() ? { start, end: start + text.length, text } : null;
}

/**
 * A coded room message: its text (a selection inside it codes just that span), the codes already on it
 * (each removable) and a form to tag it with a code of the codebook. Without JavaScript the whole
 * message is coded.
 */
export function CodedText({ seq, body, codes }: { seq: number; body: string; codes: CodeView[] }) {
  const t = useT();
  const ref = useRef<HTMLSpanElement>(null);
  const [span, setSpan] = useState<{ start: number; end: number; text: string } | null>(null);
  const capture = () => {
    if (ref.current) setSpan(selectedSpan(ref.current));
  };
  const tagged = codes.flatMap((code) =>
    code.excerpts.filter((x) => x.seq === seq).map((x) => ({ code, x })),
  );
  return (
    <>
      <span ref={ref} data-excerpt-body={seq} onMouseUp={capture} onKeyUp={capture} onTouchEnd={capture}>
        {body}
      </span>
      {tagged.length > 0 ? (
        <span className="live-code__tags">
          {' '}
          {tagged.map(({ code, x }) => (
            <Form key={x.id} method="post" className="inline-form" preventScrollReset>
              <input type="hidden" name="excerptId" value={x.id} />
              <CodeChip code={code}>
                {x.start !== null ? <span className="meta"> «{x.quote}»</span> : null}
                <button
                  type="submit"
                  name="intent"
                  value="excerpt-untag"
                  className="button--link"
                  aria-label={t('live.coding.untag', { code: code.name, quote: x.quote })}
                >
                  ✕
                </button>
              </CodeChip>
            </Form>
          ))}
        </span>
      ) : null}
      {codes.length > 0 ? (
        <Form method="post" className="inline-actions live-code__tag" preventScrollReset>
          <input type="hidden" name="seq" value={seq} />
          {span ? (
            <>
              <input type="hidden" name="start" value={span.start} />
              <input type="hidden" name="end" value={span.end} />
            </>
          ) : null}
          <label className="visually-hidden" htmlFor={`code-for-${seq}`}>
            {t('live.coding.codeLabel')}
          </label>
          <select id={`code-for-${seq}`} name="codeId" required defaultValue="">
            <option value="" disabled>
              {t('live.coding.choose')}
            </option>
            {codes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" name="intent" value="excerpt-tag" className={small}>
            {span ? t('live.coding.tagSpan', { quote: span.text }) : t('live.coding.tagMessage')}
          </button>
        </Form>
      ) : null}
    </>
  );
}

/** What the codebook tells after an action: the intent done and how many excerpts or codes it touched. */
function doneMessage(t: ReturnType<typeof useT>, done: string | null, count: number): string | null {
  if (done === 'code-create') return t('live.coding.created');
  if (done === 'code-update') return t('live.coding.updated');
  if (done === 'code-delete') return t('live.coding.deleted', { count });
  if (done === 'code-copy')
    return count > 0 ? t('live.coding.copied', { count }) : t('live.coding.copiedNone');
  return null;
}

/** One code of the codebook: rename or recolour it, delete it (asking first when it tags excerpts), its excerpts. */
function CodeEntry({
  code,
  confirming,
  error,
}: {
  code: CodeView;
  confirming: boolean;
  error?: { name?: string; colour?: string };
}) {
  const t = useT();
  return (
    <section className="live-code" aria-label={code.name}>
      <h3>
        <CodeChip code={code} /> {t('live.coding.count', { count: code.excerpts.length })}
      </h3>
      {confirming ? (
        <Form method="post" className="notice stack" role="alert" preventScrollReset>
          <p>{t('live.coding.confirmDelete', { code: code.name, count: code.excerpts.length })}</p>
          <input type="hidden" name="codeId" value={code.id} />
          <input type="hidden" name="untag" value="true" />
          <p className="inline-actions">
            <button type="submit" name="intent" value="code-delete" className="button button--small">
              {t('live.coding.confirmDeleteButton')}
            </button>
            <Link to="." className={small} preventScrollReset>
              {t('live.coding.keep')}
            </Link>
          </p>
        </Form>
      ) : null}
      <details open={!!error}>
        <summary>{t('live.coding.edit', { code: code.name })}</summary>
        <Form method="post" className="stack" preventScrollReset>
          <input type="hidden" name="codeId" value={code.id} />
          <Field
            label={t('live.coding.newName')}
            name="name"
            defaultValue={code.name}
            required
            maxLength={60}
            error={error?.name}
          />
          <Field
            label={t('live.coding.newColour')}
            name="colour"
            type="color"
            defaultValue={code.colour}
            required
            error={error?.colour}
          />
          <p className="inline-actions">
            <SubmitButton name="intent" value="code-update">
              {t('live.coding.save')}
            </SubmitButton>
          </p>
        </Form>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="codeId" value={code.id} />
          <button type="submit" name="intent" value="code-delete" className={small}>
            {t('live.coding.delete', { code: code.name })}
          </button>
        </Form>
      </details>
      <ul>
        {code.excerpts.map((x) => (
          <li key={x.id}>
            <a href={`#entry-${x.seq}`}>#{x.seq}</a> <strong>{x.author ?? t('live.room.moderator')}</strong>:
            «{x.quote}»
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Copies the codes of another session (one the reader works on) into this codebook. */
function CopyCodes({ others, error }: { others: SessionChoice[]; error?: string }) {
  const t = useT();
  if (others.length === 0) return null;
  return (
    <Form method="post" className="stack" preventScrollReset>
      <h3>{t('live.coding.copyTitle')}</h3>
      <p className="field__help" id="copy-codes-help">
        {t('live.coding.copyHelp')}
      </p>
      <label htmlFor="copy-codes-from">{t('live.coding.copyFrom')}</label>
      <select id="copy-codes-from" name="fromSessionId" required aria-describedby="copy-codes-help">
        {others.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title} ({s.startsAt.slice(0, 10)})
          </option>
        ))}
      </select>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <p>
        <SubmitButton name="intent" value="code-copy">
          {t('live.coding.copy')}
        </SubmitButton>
      </p>
    </Form>
  );
}

/** Another session whose codes may be copied here. */
export interface SessionChoice {
  id: string;
  title: string;
  startsAt: string;
}

/**
 * The codebook: create codes (name and colour), rename, recolour or delete them, reuse another session's
 * codes; every code with its excerpts, in room order.
 */
export function Codebook({
  codes,
  others,
  errors,
  done,
  count,
  confirmDelete,
  editing,
}: {
  codes: CodeView[];
  others: SessionChoice[];
  errors?: Record<string, string>;
  done: string | null;
  count: number;
  confirmDelete: string | null;
  editing: string | null;
}) {
  const t = useT();
  const createErrors = editing ? undefined : errors;
  return (
    <section aria-labelledby="transcript-codes" className="stack">
      <h2 id="transcript-codes">{t('live.coding.title')}</h2>
      <p className="meta">{t('live.coding.help')}</p>
      <FormMessage success={doneMessage(t, done, count)} />
      <Form method="post" className="stack" preventScrollReset>
        <Field label={t('live.coding.name')} name="name" required maxLength={60} error={createErrors?.name} />
        <Field
          label={t('live.coding.colour')}
          name="colour"
          type="color"
          defaultValue="#1f6feb"
          required
          error={createErrors?.colour}
        />
        <SubmitButton name="intent" value="code-create">
          {t('live.coding.create')}
        </SubmitButton>
      </Form>
      {codes.length === 0 ? <p className="empty">{t('live.coding.empty')}</p> : null}
      {codes.map((code) => (
        <CodeEntry
          key={code.id}
          code={code}
          confirming={confirmDelete === code.id}
          error={editing === code.id ? errors : undefined}
        />
      ))}
      <CopyCodes others={others} error={createErrors?.fromSessionId} />
    </section>
  );
}
