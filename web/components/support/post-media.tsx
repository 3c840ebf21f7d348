import { Link } from 'react-router';
import type { ImageDto } from '../../../server/modules/support/support.schemas.ts';
import { useT } from '../../lib/i18n.ts';

/** The images attached to a post, under its body: lazy, sized, with their alt text. */
export function PostImages({ images }: { images: readonly ImageDto[] }) {
  const t = useT();
  if (images.length === 0) return null;
  return (
    <ul className="post__images">
      {images.map((image, index) => (
        <li key={image.id}>
          <a href={image.url}>
            <img
              src={image.url}
              alt={image.alt || t('support.imageAlt', { number: index + 1 })}
              loading="lazy"
              decoding="async"
              width={image.width ?? undefined}
              height={image.height ?? undefined}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A topic's tags, each a link to the board's list filtered by it. */
export function TagList({ tags, boardPath }: { tags: readonly string[]; boardPath: string }) {
  const t = useT();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t('support.tags')}>
      {tags.map((tag) => (
        <li key={tag}>
          <Link className="tag" to={`${boardPath}?tag=${encodeURIComponent(tag)}`}>
            #{tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The image picker of a post form (the form needs `encType="multipart/form-data"`). Images already
 * uploaded by a refused attempt ride along as hidden `imageIds`, so they are not sent twice.
 */
export function ImageInput({ error, uploadedIds = [] }: { error?: string; uploadedIds?: readonly string[] }) {
  const t = useT();
  const id = 'post-images';
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {t('support.field.images')} <span className="field__optional">({t('form.optional')})</span>
      </label>
      <input
        id={id}
        type="file"
        name="images"
        accept="image/png,image/jpeg,image/gif,image/webp"
        multiple
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
      />
      {uploadedIds.map((imageId) => (
        <input key={imageId} type="hidden" name="imageIds" value={imageId} />
      ))}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <p className="field__help" id={`${id}-help`}>
        {t('support.field.imagesHelp')}
      </p>
    </div>
  );
}
