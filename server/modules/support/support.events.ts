/** Events of the peer-support area (`resource.past_tense`). */
export const SupportEvents = {
  boardCreated: 'board.created',
  topicCreated: 'topic.created',
  replyCreated: 'reply.created',
  solutionAccepted: 'solution.accepted',
  solutionUnaccepted: 'solution.unaccepted',
  kudosGiven: 'kudos.given',
} as const;
