import type { WebApi } from '../../server/web/web-api.ts';
import type { HomePoll } from '../components/research/poll-card.tsx';

/**
 * The polls shown on a community home (the three newest the viewer may answer or read), each with its
 * results when the viewer may see them. Nothing for those who see no polls (visitors, outsiders).
 */
export async function homePolls(api: WebApi, community: string): Promise<HomePoll[]> {
  try {
    const { items } = await api.listSurveys(community, { kind: 'poll', limit: 3 });
    const polls: HomePoll[] = [];
    for (const summary of items) {
      if (summary.state === 'draft' || summary.state === 'scheduled') continue;
      const poll = await api.getSurvey(community, summary.id);
      const results = poll.abilities.viewResults ? await api.getSurveyResults(community, summary.id) : null;
      polls.push({ poll, results });
    }
    return polls;
  } catch (error) {
    const refusal = error as { code?: unknown; status?: unknown } | null;
    if (refusal && typeof refusal.code === 'string' && typeof refusal.status === 'number') return [];
    throw error;
  }
}
