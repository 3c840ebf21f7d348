import { Form } from 'react-router';
import type { GuideSectionView } from '../../../common/live/guide-outline.ts';
import { useT } from '../../lib/i18n.ts';
import { Field, SubmitButton } from '../form.tsx';

/**
 * The staff's guide editor: sections with their planned minutes and items in order, each with keyboard-
 * reachable "move up / move down / remove" buttons (forms, so it works without JavaScript), a form to add an
 * item and one to import a plain-text outline. Sent and skipped items show their state and only move.
 */
export function GuideEditor({
  guide,
  errors,
}: {
  guide: GuideSectionView[];
  errors?: Record<string, string>;
}) {
  const t = useT();
  return (
    <section aria-labelledby="guide-title" className="live-guide">
      <h2 id="guide-title">{t('live.guide.title')}</h2>
      {guide.length === 0 ? <p className="empty">{t('live.guide.empty')}</p> : null}
      {guide.map((section) => (
        <section key={section.id} className="live-guide__section" aria-label={section.title}>
          <h3>
            {section.title}{' '}
            <span className="meta">{t('live.guide.minutes', { count: section.plannedMinutes })}</span>
          </h3>
          <ol className="live-guide__items">
            {section.items.map((item) => (
              <li key={item.id} className={`live-guide__item live-guide__item--${item.kind}`}>
                <p>
                  <span className="badge">{t(`live.kind.${item.kind}`)}</span>{' '}
                  {item.questionType ? (
                    <span className="badge">{t(`live.questionType.${item.questionType}`)}</span>
                  ) : null}{' '}
                  {item.blind ? <span className="badge">{t('live.guide.blind')}</span> : null} {item.body}
                  {item.options.length > 0 ? (
                    <span className="meta"> ({item.options.join(' · ')})</span>
                  ) : null}{' '}
                  {item.media ? (
                    <span className="meta">
                      {' '}
                      {t('live.media.label', {
                        kind: t(`live.media.kind.${item.media.kind}`),
                        alt: item.media.alt,
                      })}
                    </span>
                  ) : null}{' '}
                  {'state' in item && item.state !== 'queued' ? (
                    <span className="badge">{t(`live.itemState.${String(item.state)}`)}</span>
                  ) : null}
                </p>
                <Form method="post" className="inline-actions">
                  <input type="hidden" name="itemId" value={item.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="guide-up"
                    className="button button--small button--secondary"
                    aria-label={t('live.guide.moveUp', { item: item.body })}
                  >
                    ↑
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="guide-down"
                    className="button button--small button--secondary"
                    aria-label={t('live.guide.moveDown', { item: item.body })}
                  >
                    ↓
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="guide-remove"
                    className="button button--small button--secondary"
                    aria-label={t('live.guide.remove', { item: item.body })}
                  >
                    ✕
                  </button>
                </Form>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <Form method="post" className="stack" encType="multipart/form-data">
        <h3>{t('live.guide.addTitle')}</h3>
        <Field
          label={t('live.guide.section')}
          name="section"
          defaultValue={guide[guide.length - 1]?.title ?? ''}
          required
          maxLength={200}
          help={t('live.guide.sectionHelp')}
        />
        <Field label={t('live.guide.kind')} name="kind" defaultValue="question-open" required>
          {[
            'question-open',
            'question-single',
            'question-multiple',
            'question-rating',
            'probe',
            'stimulus',
            'note',
          ].map((k) => (
            <option key={k} value={k}>
              {t(`live.guide.kindOption.${k}`)}
            </option>
          ))}
        </Field>
        <Field
          label={t('live.guide.body')}
          name="body"
          required
          maxLength={4000}
          multiline
          error={errors?.sections}
        />
        <Field label={t('live.guide.options')} name="options" help={t('live.guide.optionsHelp')} />
        <Field label={t('live.guide.blindLabel')} name="blind" type="checkbox" value="on" />
        <Field
          label={t('live.media.file')}
          name="media"
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp,video/*,audio/*"
          help={t('live.media.fileHelp')}
          error={errors?.file ?? errors?.['sections']}
        />
        <Field label={t('live.media.alt')} name="mediaAlt" maxLength={200} />
        <Field label={t('live.media.logo')} name="logo" type="checkbox" value="on" />
        <SubmitButton name="intent" value="guide-add">
          {t('live.guide.add')}
        </SubmitButton>
      </Form>
      <Form method="post" className="stack">
        <h3>{t('live.guide.importTitle')}</h3>
        <Field
          label={t('live.guide.outline')}
          name="outline"
          multiline
          required
          help={t('live.guide.outlineHelp')}
        />
        <SubmitButton name="intent" value="guide-import">
          {t('live.guide.import')}
        </SubmitButton>
      </Form>
    </section>
  );
}
