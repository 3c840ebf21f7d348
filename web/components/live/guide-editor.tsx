import { useState } from 'react';
import { Form, useSubmit } from 'react-router';
import type { GuideSectionView } from '../../../common/live/guide-outline.ts';
import { useT } from '../../lib/i18n.ts';
import { Field, SubmitButton } from '../form.tsx';
import { IntentButton } from './intent-button.tsx';
import { type Dragged, type DropTarget, useGuideDrag } from './use-guide-drag.ts';

/** The announcement of a drop, for screen readers (the page reloads the guide after the move). */
function dropMessage(
  t: ReturnType<typeof useT>,
  guide: GuideSectionView[],
  dragged: Dragged,
  target: DropTarget,
): string {
  if (dragged.kind === 'section') {
    const title = guide.find((s) => s.id === dragged.id)?.title ?? '';
    const from = guide.findIndex((s) => s.id === dragged.id);
    const to = target.index > from ? target.index - 1 : target.index;
    return t('live.guide.sectionMoved', { section: title, position: to + 1 });
  }
  const body = guide.flatMap((s) => s.items).find((i) => i.id === dragged.id)?.body ?? '';
  return t('live.guide.itemMoved', {
    item: body,
    position: target.index + 1,
    section: guide[target.sectionIndex]?.title ?? '',
  });
}

/**
 * The staff's guide editor: sections with their planned minutes and items in order. Items and sections move
 * by drag and drop (a handle, pointer events: mouse, pen or touch) or with keyboard-reachable "move up /
 * move down" buttons (forms, so it works without JavaScript); each move is announced in a live region.
 * Forms add an item and import a plain-text outline; probes and questions can be saved to the library.
 * Sent and skipped items show their state and only move.
 */
export function GuideEditor({
  guide,
  errors,
  canSaveProbes = false,
}: {
  guide: GuideSectionView[];
  errors?: Record<string, string>;
  /** The viewer keeps the community's probe library. */
  canSaveProbes?: boolean;
}) {
  const t = useT();
  const submit = useSubmit();
  const [announcement, setAnnouncement] = useState('');
  const { dragged, target, handleProps } = useGuideDrag((what, where) => {
    setAnnouncement(dropMessage(t, guide, what, where));
    void submit(
      what.kind === 'item'
        ? { intent: 'guide-move', itemId: what.id, sectionIndex: where.sectionIndex, index: where.index }
        : { intent: 'section-move', sectionId: what.id, index: where.index },
      { method: 'post', preventScrollReset: true },
    );
  });
  // Drop positions count a section's items without the dragged one.
  const dropIndex = (section: GuideSectionView, i: number) =>
    i - (section.items.slice(0, i).some((item) => item.id === dragged?.id) ? 1 : 0);
  const dropClass = (sectionIndex: number, index: number) =>
    dragged?.kind === 'item' && target?.sectionIndex === sectionIndex && target.index === index
      ? ' live-guide__drop'
      : '';
  return (
    <section aria-labelledby="guide-title" className="live-guide">
      <h2 id="guide-title">{t('live.guide.title')}</h2>
      <p className="meta">{t('live.guide.dragHelp')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {guide.length === 0 ? <p className="empty">{t('live.guide.empty')}</p> : null}
      {guide.map((section, s) => (
        <section
          key={section.id}
          className={`live-guide__section${dragged?.id === section.id ? ' live-guide__dragging' : ''}${
            dragged?.kind === 'section' && target?.index === s ? ' live-guide__drop' : ''
          }`}
          aria-label={section.title}
          data-guide-section={s}
        >
          <h3 className="live-guide__section-title">
            <button
              type="button"
              className="live-guide__handle"
              aria-label={t('live.guide.dragSection', { section: section.title })}
              {...handleProps('section', section.id)}
            >
              ⠿
            </button>{' '}
            {section.title}{' '}
            <span className="meta">{t('live.guide.minutes', { count: section.plannedMinutes })}</span>
          </h3>
          <Form method="post" className="inline-actions" preventScrollReset>
            <input type="hidden" name="sectionId" value={section.id} />
            <IntentButton intent="section-up" label={t('live.guide.sectionUp', { section: section.title })}>
              ↑
            </IntentButton>
            <IntentButton
              intent="section-down"
              label={t('live.guide.sectionDown', { section: section.title })}
            >
              ↓
            </IntentButton>
          </Form>
          <ol
            className={`live-guide__items${dropClass(s, section.items.length) ? ' live-guide__drop-end' : ''}`}
          >
            {section.items.map((item, i) => (
              <li
                key={item.id}
                className={`live-guide__item live-guide__item--${item.kind}${
                  item.id === dragged?.id ? ' live-guide__dragging' : dropClass(s, dropIndex(section, i))
                }`}
                data-guide-item={item.id}
              >
                <button
                  type="button"
                  className="live-guide__handle"
                  aria-label={t('live.guide.dragItem', { item: item.body })}
                  {...handleProps('item', item.id)}
                >
                  ⠿
                </button>
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
                  <IntentButton intent="guide-up" label={t('live.guide.moveUp', { item: item.body })}>
                    ↑
                  </IntentButton>
                  <IntentButton intent="guide-down" label={t('live.guide.moveDown', { item: item.body })}>
                    ↓
                  </IntentButton>
                  <IntentButton intent="guide-remove" label={t('live.guide.remove', { item: item.body })}>
                    ✕
                  </IntentButton>
                  {canSaveProbes && (item.kind === 'probe' || item.kind === 'question') ? (
                    <IntentButton
                      intent="probe-save-item"
                      label={t('live.library.saveItem', { item: item.body })}
                    >
                      {t('live.library.save')}
                    </IntentButton>
                  ) : null}
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
