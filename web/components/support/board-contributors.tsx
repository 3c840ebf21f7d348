import type { BoardContributorsDto } from '../../../server/modules/support/support.schemas.ts';
import { RoleBadge } from '../bits.tsx';
import { useT } from '../../lib/i18n.ts';

/** The side list of a board: the community's experts and the board's top contributors (90 days). */
export function BoardContributors({ contributors }: { contributors: BoardContributorsDto }) {
  const t = useT();
  return (
    <aside className="contributors" aria-labelledby="contributors-title">
      <h2 id="contributors-title">{t('support.contributors')}</h2>
      {contributors.experts.length > 0 ? (
        <>
          <h3>{t('support.experts')}</h3>
          <ul>
            {contributors.experts.map((person) => (
              <li key={person.id}>
                <strong>{person.pseudonym}</strong> <RoleBadge role={person.role} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('support.topContributors')}</h3>
      {contributors.topContributors.length === 0 ? (
        <p className="empty">{t('support.noContributors')}</p>
      ) : (
        <ol>
          {contributors.topContributors.map((person) => (
            <li key={person.id}>
              <strong>{person.pseudonym}</strong> <RoleBadge role={person.role} />
              <br />
              <span className="meta">
                {t('support.solutionsCount', { count: person.solutions })} ·{' '}
                {t('support.kudosReceived', { count: person.kudos })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
