import type { RevisionDto } from '../../../server/modules/support/support.schemas.ts';
import { diffLines } from '../../../common/text/line-diff.ts';
import { useT } from '../../lib/i18n.ts';
import { LocalTime, RoleBadge } from '../bits.tsx';

/** What one edit changed in the text, line by line: removed lines struck, added lines marked. */
function BodyDiff({ before, after }: { before: string; after: string }) {
  const t = useT();
  return (
    <pre className="diff">
      {diffLines(before, after).map((line, i) =>
        line.kind === 'removed' ? (
          <del key={i} className="diff__removed">
            <span className="visually-hidden">{t('support.history.removed')} </span>
            {`− ${line.text}\n`}
          </del>
        ) : line.kind === 'added' ? (
          <ins key={i} className="diff__added">
            <span className="visually-hidden">{t('support.history.added')} </span>
            {`+ ${line.text}\n`}
          </ins>
        ) : (
          <span key={i}>{`  ${line.text}\n`}</span>
        ),
      )}
    </pre>
  );
}

/** A post's edit history, newest first: who edited, when, and what changed (title, text line by line). */
export function RevisionHistory({ items }: { items: RevisionDto[] }) {
  const t = useT();
  if (items.length === 0) return <p className="empty">{t('support.history.empty')}</p>;
  return (
    <ol className="revisions">
      {items.map((item) => (
        <li key={item.id} className="revision">
          <p className="meta">
            {item.editor ? (
              <>
                {t('support.history.by', { pseudonym: item.editor.pseudonym })}{' '}
                <RoleBadge role={item.editor.role} />
              </>
            ) : (
              t('support.history.byPlatform')
            )}
            {' · '}
            <LocalTime iso={item.editedAt} withTime />
          </p>
          {item.changed.includes('title') ? (
            <div>
              <h3>{t('support.history.changedTitle')}</h3>
              <p>
                <del>{t('support.history.titleFrom', { title: item.before.title ?? '' })}</del>
                <br />
                <ins>{t('support.history.titleTo', { title: item.after.title ?? '' })}</ins>
              </p>
            </div>
          ) : null}
          {item.changed.includes('body') ? (
            <div>
              <h3>{t('support.history.changedBody')}</h3>
              <BodyDiff before={item.before.body} after={item.after.body} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
