/** Events of surveys and polls (`resource.past_tense`). */
export const ResearchEvents = {
  created: 'survey.created',
  updated: 'survey.updated',
  published: 'survey.published',
  closed: 'survey.closed',
  completed: 'survey.completed',
  reminded: 'survey.reminded',
} as const;

/** Payload of `survey.created`, `survey.updated`, `survey.published` and `survey.closed`. */
export type SurveyChangedPayload = { communityId: string; surveyId: string; kind: 'survey' | 'poll' };

/**
 * Payload of `survey.completed`: the points declared on the survey, for the points area to award (its
 * subscriber keys the award by the response id). No answers: they stay in the response.
 */
export type SurveyCompletedPayload = {
  communityId: string;
  surveyId: string;
  responseId: string;
  memberId: string;
  points: number;
};

/** Payload of `survey.reminded`: how many members were sent the reminder. */
export type SurveyRemindedPayload = { communityId: string; surveyId: string; reminded: number };
