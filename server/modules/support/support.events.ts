/** Events of the peer-support area (`resource.past_tense`). */
export const SupportEvents = {
  boardCreated: 'board.created',
  topicCreated: 'topic.created',
  replyCreated: 'reply.created',
  solutionAccepted: 'solution.accepted',
  solutionUnaccepted: 'solution.unaccepted',
  kudosGiven: 'kudos.given',
  // Images.
  imageUploaded: 'image.uploaded',
  // Editing and arranging posts.
  topicUpdated: 'topic.updated',
  topicMoved: 'topic.moved',
  topicLocked: 'topic.locked',
  topicUnlocked: 'topic.unlocked',
  topicPinned: 'topic.pinned',
  topicUnpinned: 'topic.unpinned',
  topicDeleted: 'topic.deleted',
  topicMerged: 'topic.merged',
  replyUpdated: 'reply.updated',
  replyDeleted: 'reply.deleted',
} as const;
