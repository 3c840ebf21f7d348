import { type MouseEvent, useEffect, useRef, useState } from 'react';
import type { TopicSuggestionDto } from '../../../server/modules/search/search.schemas.ts';
import type { WebContext } from '../../../server/web/web-context.ts';
import { attempt } from '../../lib/errors.ts';
import { useT } from '../../lib/i18n.ts';

/** The form intent of the ask form's "check for similar questions" button (works without JavaScript). */
export const SIMILAR_INTENT = 'similar';

/** Wait this long after the last keystroke before asking for similar questions. */
const DEBOUNCE_MS = 350;
/** Titles shorter than this are not looked up. */
const MIN_TITLE = 3;

/**
 * The board action's answer to the "check for similar questions" button: the form's input back with up
 * to five similar solved questions (none for a title too short to compare; a longer one is cut to the
 * accepted length). A refusal comes back as the action's usual `{ fieldErrors, formError }`.
 */
export async function similarQuestionsFor<I extends { title: string }>(
  web: WebContext,
  community: string,
  input: I,
) {
  const title = input.title.trim().slice(0, 200);
  return attempt(web.locale, async () => ({
    input,
    similar: title.length < MIN_TITLE ? [] : (await web.api.suggestSimilarTopics(community, { title })).items,
  }));
}

/**
 * Similar solved questions for the ask form. Without JavaScript the "check" button posts the form with
 * the `similar` intent and the board page shows the questions found. With JavaScript the list follows
 * the title as it is typed. Each question is a button of the ask form that posts (title included) to
 * `/c/:slug/similar-topics` in a new tab: that route records the view (deflection) and opens the
 * question, so the draft stays where it is.
 */
export function SimilarQuestions({
  community,
  initial,
}: {
  community: string;
  initial?: TopicSuggestionDto[] | null;
}) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [items, setItems] = useState<TopicSuggestionDto[] | null>(initial ?? null);
  const endpoint = `/c/${community}/similar-topics`;
  // The board action answered the "check" button: show what it found.
  useEffect(() => {
    if (initial) setItems(initial);
  }, [initial]);

  useEffect(() => {
    const input = box.current?.closest('form')?.querySelector<HTMLInputElement>('input[name="title"]');
    if (!input) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    const lookUp = () => {
      const title = input.value.trim();
      controller?.abort();
      if (title.length < MIN_TITLE) {
        setItems(null);
        return;
      }
      controller = new AbortController();
      fetch(`${endpoint}?title=${encodeURIComponent(title.slice(0, 200))}`, { signal: controller.signal })
        .then((response) =>
          response.ok ? (response.json() as Promise<{ items: TopicSuggestionDto[] }>) : null,
        )
        .then((body) => {
          if (body) setItems(body.items);
        })
        .catch(() => undefined);
    };
    const onInput = () => {
      clearTimeout(timer);
      timer = setTimeout(lookUp, DEBOUNCE_MS);
    };
    input.addEventListener('input', onInput);
    return () => {
      clearTimeout(timer);
      controller?.abort();
      input.removeEventListener('input', onInput);
    };
  }, [endpoint]);

  /** With JavaScript: record the view in the background and open the question in a new tab. */
  const open = (event: MouseEvent<HTMLButtonElement>, item: TopicSuggestionDto) => {
    const form = event.currentTarget.form;
    if (!form) return;
    event.preventDefault();
    const body = new FormData();
    body.set('topicId', item.id);
    const title = new FormData(form).get('title');
    body.set('title', typeof title === 'string' ? title : '');
    void fetch(endpoint, { method: 'POST', body, redirect: 'manual', keepalive: true }).catch(
      () => undefined,
    );
    window.open(`/c/${community}/t/${item.id}`, '_blank', 'noopener');
  };

  return (
    <div ref={box} className="similar-questions">
      <div aria-live="polite">
        {items && items.length > 0 ? (
          <section aria-labelledby="similar-questions-title" className="similar-questions__list">
            <h3 id="similar-questions-title">{t('similar.title')}</h3>
            <p className="meta">{t('similar.help')}</p>
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <button
                    type="submit"
                    className="link-button"
                    name="topicId"
                    value={item.id}
                    formAction={endpoint}
                    formMethod="post"
                    formTarget="_blank"
                    formNoValidate
                    onClick={(event) => open(event, item)}
                  >
                    {item.title}
                    <span className="visually-hidden"> {t('similar.newTab')}</span>
                  </button>{' '}
                  <span className="badge badge--solved">{t('support.solved')}</span>{' '}
                  <span className="meta">
                    {item.board.title} · {t('support.replies', { count: item.repliesCount })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : items ? (
          <p className="meta">{t('similar.none')}</p>
        ) : null}
      </div>
      <button
        type="submit"
        name="intent"
        value={SIMILAR_INTENT}
        formNoValidate
        className="button button--secondary button--small"
      >
        {t('similar.check')}
      </button>
    </div>
  );
}
