import { Form, Link } from 'react-router';
import type { SurveyDto, SurveyResultsDto } from '../../../server/modules/research/research.schemas.ts';
import { useT } from '../../lib/i18n.ts';
import { answerField } from '../../lib/survey-form.ts';
import { BarChart } from './bar-chart.tsx';

/** A poll loaded for the community home: the poll and, when the viewer may see them, its results. */
export interface HomePoll {
  poll: SurveyDto;
  results: SurveyResultsDto | null;
}

/** A poll on the community home: the vote form, or its results once one may see them. */
export function PollCard({ item, community }: { item: HomePoll; community: string }) {
  const t = useT();
  const { poll, results } = item;
  const page = poll.definition.pages[0];
  const question = page.questions[0];
  const voted = poll.response?.status === 'completed';
  return (
    <article className="card poll">
      <h3>{poll.title}</h3>
      {results ? (
        <BarChart title={question.title} bars={results.questions[0]?.options ?? []} />
      ) : voted ? (
        <p>{t('research.poll.voted')}</p>
      ) : poll.abilities.respond ? (
        <Form method="post" action={`/c/${community}/surveys/${poll.id}`}>
          <fieldset>
            <legend>{question.title}</legend>
            {(question.options ?? []).map((o) => (
              <label key={o.id} className="choice">
                <input
                  type={question.type === 'multiple' ? 'checkbox' : 'radio'}
                  name={answerField(question.id)}
                  value={o.id}
                />{' '}
                {o.label}
              </label>
            ))}
          </fieldset>
          <input type="hidden" name="pageId" value={page.id} />
          <input type="hidden" name="back" value={`/c/${community}`} />
          <button type="submit" className="button button--small" name="intent" value="submit">
            {t('research.poll.vote')}
          </button>
        </Form>
      ) : (
        <p className="meta">{t(`research.state.${poll.state}`)}</p>
      )}
      <p className="meta">
        <Link to={`/c/${community}/surveys/${poll.id}`}>{t('research.poll.open')}</Link>
      </p>
    </article>
  );
}
