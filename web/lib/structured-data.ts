import type { TopicDto } from '../../server/modules/support/support.schemas.ts';

const person = (pseudonym: string) => ({ '@type': 'Person', name: pseudonym });

/**
 * schema.org JSON-LD for a public topic: a `QAPage` whose question carries its accepted and suggested
 * answers, or a `DiscussionForumPosting` with its comments. Pseudonyms only, never identities. On a page
 * of a long topic the answers and comments are that page's (`url` is the page's canonical URL); the
 * counts are the whole topic's.
 */
export function topicStructuredData(topic: TopicDto, url: string): Record<string, unknown> {
  const answer = (reply: TopicDto['replies'][number]) => ({
    '@type': 'Answer',
    text: reply.bodyText,
    dateCreated: reply.createdAt,
    upvoteCount: reply.kudosCount,
    url: `${url}#reply-${reply.id}`,
    author: person(reply.author.pseudonym),
  });
  if (topic.kind === 'question') {
    const accepted = topic.solutions.map(answer);
    return {
      '@context': 'https://schema.org',
      '@type': 'QAPage',
      mainEntity: {
        '@type': 'Question',
        name: topic.title,
        text: topic.bodyText,
        answerCount: topic.page.totalReplies,
        upvoteCount: topic.kudosCount,
        dateCreated: topic.createdAt,
        author: person(topic.author.pseudonym),
        ...(accepted.length > 0 ? { acceptedAnswer: accepted.length === 1 ? accepted[0] : accepted } : {}),
        suggestedAnswer: topic.replies.filter((reply) => !reply.isSolution).map(answer),
      },
    };
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'DiscussionForumPosting',
    headline: topic.title,
    text: topic.bodyText,
    url,
    datePublished: topic.createdAt,
    author: person(topic.author.pseudonym),
    interactionStatistic: {
      '@type': 'InteractionCounter',
      interactionType: 'https://schema.org/CommentAction',
      userInteractionCount: topic.page.totalReplies,
    },
    comment: topic.replies.map((reply) => ({
      '@type': 'Comment',
      text: reply.bodyText,
      datePublished: reply.createdAt,
      author: person(reply.author.pseudonym),
    })),
  };
}
