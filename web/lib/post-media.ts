import { data } from 'react-router';
import type { TopicDto } from '../../server/modules/support/support.schemas.ts';
import type { WebApi } from '../../server/web/web-api.ts';
import { quoteMarkdown } from '../components/support/quote-link.tsx';
import type { ActionErrors } from './errors.ts';

/** At most this many images on a post (as the API says). */
const MAX_IMAGES = 4;

/** The tags typed in a post form: comma-separated, blanks dropped (the server normalizes them). */
export function formTags(form: FormData): string[] | undefined {
  const raw = form.get('tags');
  if (typeof raw !== 'string') return undefined;
  const tags = raw
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  return tags.length > 0 ? tags : undefined;
}

/**
 * Uploads the images picked in a multipart post form and returns every image id of the post: those
 * uploaded by a previous, refused attempt (hidden `imageIds`) then the new ones. `uploaded` receives
 * each id as soon as it exists, so a refused post can offer them again.
 * @throws AppError(validation_failed at /images: more than four | at /file: not an accepted image…)
 */
export async function uploadFormImages(
  api: WebApi,
  community: string,
  form: FormData,
  uploaded: string[],
): Promise<string[] | undefined> {
  const previous = form.getAll('imageIds').filter((v): v is string => typeof v === 'string' && v !== '');
  uploaded.push(...previous);
  const files = form.getAll('images').filter((v): v is File => typeof v !== 'string' && v.size > 0);
  if (previous.length + files.length > MAX_IMAGES) {
    throw Object.assign(new Error('too many images'), {
      code: 'validation_failed',
      status: 422,
      messageKey: null,
      fields: [{ path: '/images', key: 'validation.tooManyImages', params: { limit: MAX_IMAGES } }],
    });
  }
  for (const file of files) {
    const image = await api.uploadImage(community, {
      data: Buffer.from(await file.arrayBuffer()),
      filename: file.name,
    });
    uploaded.push(image.id);
  }
  return uploaded.length > 0 ? [...uploaded] : undefined;
}

/**
 * Adds the form's state (typed input, images already uploaded) to an action's refusal, keeping its
 * status; the image field shows the upload's error (`/file`) or the attachment's (`/imageIds`).
 */
export function refusedWith<T extends object>(result: unknown, extra: T) {
  const refusal = result as { data?: ActionErrors; init?: ResponseInit | null };
  const errors = refusal.data ?? { fieldErrors: {}, formError: null };
  const fieldErrors = { ...errors.fieldErrors };
  fieldErrors.images ??= fieldErrors.file ?? fieldErrors.imageIds;
  return data({ ...errors, fieldErrors, ...extra }, refusal.init ?? { status: 422 });
}

/** The reply box's starting text and target when a visitor followed a post's "Quote" link. */
export function quotePrefill(topic: TopicDto, quoteId: string | null) {
  if (!quoteId) return null;
  if (quoteId === topic.id)
    return { text: quoteMarkdown(topic.bodyText), inReplyToId: null, pseudonym: topic.author.pseudonym };
  const reply = [...topic.replies, ...topic.solutions].find((r) => r.id === quoteId);
  return reply
    ? { text: quoteMarkdown(reply.bodyText), inReplyToId: reply.id, pseudonym: reply.author.pseudonym }
    : null;
}

/** The page of replies a topic URL asks for (`?page=N`; anything else is page 1). */
export function requestedPage(url: URL): number | undefined {
  const raw = url.searchParams.get('page');
  if (raw === null) return undefined;
  const page = Number(raw);
  // Not a positive whole number: ask for page 0, which the server reports as not found.
  return /^\d{1,5}$/.test(raw) ? page : 0;
}

/** A topic page's URLs (canonical per page) and the reply box's quote, for the loader. */
export function topicPageState(publicUrl: string, slug: string, topic: TopicDto, url: URL) {
  const baseUrl = `${publicUrl}/c/${slug}/t/${topic.id}`;
  return {
    baseUrl,
    canonicalUrl: topic.page.number > 1 ? `${baseUrl}?page=${topic.page.number}` : baseUrl,
    quote: quotePrefill(topic, url.searchParams.get('quote')),
  };
}
