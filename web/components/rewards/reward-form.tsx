import { useEffect, useId, useState } from 'react';
import { Form } from 'react-router';
import { Field, SubmitButton } from '../form.tsx';
import { useT } from '../../lib/i18n.ts';
import type { RewardDto } from '../../../server/modules/rewards/catalogue/catalogue.schemas.ts';
import type { WebApi } from '../../../server/web/web-api.ts';
import { REWARD_KIND_VALUES } from './reward-bits.tsx';

/** What a reward may be reserved for: the community's ranks above the first, and its segments. */
export interface RewardChoices {
  ranks: { position: number; name: string }[];
  segments: { id: string; name: string }[];
}

/** Loads the ranks and segments the reward form offers (two calls, side by side). */
export async function loadRewardChoices(api: WebApi, community: string): Promise<RewardChoices> {
  const [ranks, segments] = await Promise.all([api.listRanks(community), api.listSegments(community)]);
  return {
    ranks: ranks.items.filter((r) => r.position > 0).map((r) => ({ position: r.position, name: r.name })),
    segments: segments.items.map((s) => ({ id: s.id, name: s.name })),
  };
}

/**
 * The image part of a reward form: a picked file is uploaded (checked by content and size by
 * `uploadImage`) and becomes the reward's image; "remove the image" clears it; otherwise nothing changes.
 * @throws AppError(validation_failed at /file: not an accepted image or too large)
 */
export async function rewardImageInput(
  api: WebApi,
  community: string,
  form: FormData,
): Promise<{ imageId?: string | null }> {
  const file = form.get('image');
  if (file && typeof file !== 'string' && file.size > 0) {
    const image = await api.uploadImage(community, {
      data: Buffer.from(await file.arrayBuffer()),
      filename: file.name,
    });
    return { imageId: image.id };
  }
  return form.get('removeImage') === 'on' ? { imageId: null } : {};
}

/** `YYYY-MM-DDTHH:mm` of an instant in the browser's zone (UTC on the server, corrected after load). */
function localValue(iso: string | null, offsetMinutes: number): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) - offsetMinutes * 60_000).toISOString().slice(0, 16);
}

/**
 * A date and time in the viewer's zone: the server renders it in UTC, the browser rewrites it in its own
 * zone and says which (`tzOffset`), so the action reads it back as the instant the viewer meant.
 */
function LocalDateTime({
  label,
  name,
  iso,
  error,
}: {
  label: string;
  name: string;
  iso: string | null;
  error?: string;
}) {
  const t = useT();
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(new Date().getTimezoneOffset()), []);
  const id = useId();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {label} <span className="field__optional">({t('form.optional')})</span>
      </label>
      <input
        id={id}
        key={offset}
        type="datetime-local"
        name={name}
        defaultValue={localValue(iso, offset)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
      />
      {error ? <p className="field__error">{error}</p> : null}
      <p className="field__help" id={`${id}-help`}>
        {t('rewards.field.dateHelp')}
      </p>
    </div>
  );
}

/** The offset field the date inputs above are read with (minutes west of UTC, as `getTimezoneOffset`). */
function ZoneField() {
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(new Date().getTimezoneOffset()), []);
  return <input type="hidden" name="tzOffset" value={offset} />;
}

/** A whole-number field (a phone shows its numeric keypad). */
function NumberField(props: Omit<Parameters<typeof Field>[0], 'type' | 'inputMode'>) {
  return <Field type="number" inputMode="numeric" {...props} />;
}

/** Reads a reward form into the API's body (numbers as numbers, empty optional fields as null). */
export function rewardInput(form: FormData, creating: boolean): Record<string, unknown> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const integer = (name: string) => (text(name).trim() === '' ? null : Number(text(name)));
  const offset = Number(text('tzOffset')) || 0;
  const instant = (name: string) =>
    text(name) === '' ? null : new Date(Date.parse(`${text(name)}:00Z`) + offset * 60_000).toISOString();
  const kind = creating ? text('kind') : text('currentKind');
  const body: Record<string, unknown> = {
    title: text('title'),
    description: text('description'),
    perMemberLimit: integer('perMemberLimit'),
    availableFrom: instant('availableFrom'),
    availableUntil: instant('availableUntil'),
    minLifetimePoints: integer('minLifetimePoints') ?? 0,
    minRankPosition: integer('minRankPosition'),
    segmentId: text('segmentId') || null,
    active: form.get('active') === 'on',
  };
  if (integer('cost') !== null) body.cost = integer('cost');
  if (creating) body.kind = kind;
  if (kind !== 'voucher') body.stock = integer('stock');
  if (kind === 'cashout') {
    body.pointsPerUnit = integer('pointsPerUnit');
    body.currency = text('currency').trim().toUpperCase() || null;
  } else if (!creating) {
    body.pointsPerUnit = null;
    body.currency = null;
  }
  return body;
}

/** The form to create or edit a reward; works without JavaScript. */
export function RewardForm({
  reward,
  errors,
  intent,
  choices,
}: {
  reward: RewardDto | null;
  errors?: Record<string, string>;
  intent: string;
  choices: RewardChoices;
}) {
  const t = useT();
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return (
    <Form method="post" encType="multipart/form-data" noValidate>
      {reward ? (
        <input type="hidden" name="currentKind" value={reward.kind} />
      ) : (
        <Field label={t('rewards.field.kind')} name="kind" defaultValue="gift" required error={errors?.kind}>
          {REWARD_KIND_VALUES.map((k) => (
            <option key={k} value={k}>
              {t(`rewards.kind.${k}`)}
            </option>
          ))}
        </Field>
      )}
      <Field
        label={t('rewards.field.title')}
        name="title"
        required
        maxLength={120}
        defaultValue={reward?.title}
        error={errors?.title}
      />
      <Field
        label={t('rewards.field.description')}
        name="description"
        multiline
        maxLength={5000}
        defaultValue={reward?.description}
        error={errors?.description}
      />
      <NumberField
        label={t('rewards.field.cost')}
        name="cost"
        min={1}
        required
        defaultValue={num(reward?.cost)}
        error={errors?.cost}
      />
      {reward?.kind === 'voucher' ? null : (
        <NumberField
          label={t('rewards.field.stock')}
          name="stock"
          min={0}
          defaultValue={num(reward?.stock)}
          help={t('rewards.field.stockHelp')}
          error={errors?.stock}
        />
      )}
      <NumberField
        label={t('rewards.field.perMemberLimit')}
        name="perMemberLimit"
        min={1}
        defaultValue={num(reward?.perMemberLimit)}
        error={errors?.perMemberLimit}
      />
      <NumberField
        label={t('rewards.field.minLifetimePoints')}
        name="minLifetimePoints"
        min={0}
        defaultValue={num(reward?.minLifetimePoints)}
        error={errors?.minLifetimePoints}
      />
      <Field
        label={t('rewards.field.minRank')}
        name="minRankPosition"
        defaultValue={num(reward?.minRank?.position)}
        help={t('rewards.field.minRankHelp')}
        error={errors?.minRankPosition}
      >
        <option value="">{t('rewards.field.everyone')}</option>
        {choices.ranks.map((r) => (
          <option key={r.position} value={r.position}>
            {t('rewards.field.rankOrHigher', { rank: r.name })}
          </option>
        ))}
      </Field>
      <Field
        label={t('rewards.field.segment')}
        name="segmentId"
        defaultValue={reward?.segment?.id ?? ''}
        error={errors?.segmentId}
      >
        <option value="">{t('rewards.field.everyone')}</option>
        {choices.segments.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </Field>
      {reward?.image ? (
        <div className="field field--checkbox">
          <img className="reward-image reward-image--small" src={reward.image.url} alt={reward.image.alt} />
          <label>
            <input type="checkbox" name="removeImage" /> {t('rewards.field.removeImage')}
          </label>
        </div>
      ) : null}
      <Field
        label={reward?.image ? t('rewards.field.replaceImage') : t('rewards.field.image')}
        name="image"
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        help={t('rewards.field.imageHelp')}
        error={errors?.imageId ?? errors?.file}
      />
      <LocalDateTime
        label={t('rewards.field.availableFrom')}
        name="availableFrom"
        iso={reward?.availableFrom ?? null}
        error={errors?.availableFrom}
      />
      <LocalDateTime
        label={t('rewards.field.availableUntil')}
        name="availableUntil"
        iso={reward?.availableUntil ?? null}
        error={errors?.availableUntil}
      />
      <ZoneField />
      {reward && reward.kind !== 'cashout' ? null : (
        <>
          <NumberField
            label={t('rewards.field.pointsPerUnit')}
            name="pointsPerUnit"
            min={1}
            defaultValue={num(reward?.cashOut?.pointsPerUnit)}
            help={t('rewards.field.pointsPerUnitHelp')}
            error={errors?.pointsPerUnit}
          />
          <Field
            label={t('rewards.field.currency')}
            name="currency"
            maxLength={3}
            defaultValue={reward?.cashOut?.currency ?? ''}
            error={errors?.currency}
          />
        </>
      )}
      <div className="field field--checkbox">
        <label>
          <input type="checkbox" name="active" defaultChecked={reward?.active ?? true} />{' '}
          {t('rewards.field.active')}
        </label>
      </div>
      <SubmitButton name="intent" value={intent}>
        {reward ? t('rewards.admin.save') : t('rewards.admin.create')}
      </SubmitButton>
    </Form>
  );
}
