import { data } from 'react-router';
import { type Locale, translate } from '../../common/i18n/index.ts';
import type { WebApi } from '../../server/web/web-api.ts';
import { type ActionErrors, attempt } from './errors.ts';

/** The most choices a question takes (the definition's limit), so the most choice pictures a block sends. */
const MAX_CHOICES = 50;

/** The file fields of a question block and the hidden field that keeps each upload's id. */
const FILE_FIELDS: readonly { file: string; id: string }[] = [
  { file: 'stimulus', id: 'stimulusId' },
  { file: 'variantA', id: 'variantAId' },
  { file: 'variantB', id: 'variantBId' },
  ...Array.from({ length: MAX_CHOICES }, (_, n) => ({ file: `choice${n}`, id: `choice${n}Id` })),
];

/**
 * Uploads the stimulus files chosen in the builder's question blocks (`q<i>.stimulus`, `q<i>.variantA`,
 * `q<i>.variantB`, an image choice's pictures `q<i>.choice<n>`) through `uploadSurveyMedia`, and writes each
 * new file's id into the form's hidden field (`q<i>.stimulusId`, `q<i>.choice<n>Id`…) so the definition
 * refers to it and a refused form keeps it; "remove" clears the stimulus. A hotspot's file and a choice's
 * picture must be images. Returns a refusal with the refused uploads' messages by
 * field name (the files that were accepted are kept), or null when every file was taken.
 */
export async function uploadBuilderMedia(
  api: WebApi,
  locale: Locale,
  community: string,
  form: FormData,
  count: number,
): Promise<ReturnType<typeof data<ActionErrors>> | null> {
  const errors: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    if (form.get(`q${i}.stimulusRemove`) === 'on') {
      form.delete(`q${i}.stimulusId`);
      form.delete(`q${i}.stimulusRemove`);
    }
    for (const field of FILE_FIELDS) {
      const file = form.get(`q${i}.${field.file}`);
      form.delete(`q${i}.${field.file}`);
      if (!file || typeof file === 'string' || file.size === 0) continue;
      const stimulus = field.file === 'stimulus';
      const caption = form.get(`q${i}.caption`);
      const result = await attempt(
        locale,
        async () =>
          api.uploadSurveyMedia(community, {
            file: { data: Buffer.from(await file.arrayBuffer()), filename: file.name },
            alt: stimulus && typeof caption === 'string' && caption.trim() ? caption : undefined,
            logo: stimulus && form.get(`q${i}.stimulusLogo`) === 'on',
            expect:
              (stimulus && form.get(`q${i}.type`) === 'hotspot') || field.file.startsWith('choice')
                ? 'image'
                : undefined,
          }),
        () => `q${i}.${field.file}`,
      );
      if ('id' in result) {
        form.set(`q${i}.${field.id}`, result.id);
        form.set(`q${i}.${field.id}Name`, result.alt);
      } else {
        Object.assign(errors, result.data.fieldErrors);
      }
    }
  }
  if (Object.keys(errors).length === 0) return null;
  return data<ActionErrors>(
    { fieldErrors: errors, formError: translate(locale, 'error.validation_failed') },
    { status: 422 },
  );
}
