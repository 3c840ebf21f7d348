import { type Actor, hasRole, type MembershipFacts } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { BoardRow, PostStatus, TopicRow } from '../../platform/db/schema.ts';
import { type CommunityResource, communityPolicy } from '../communities/communities.policy.ts';

/** A board as seen by one actor in its community. */
export interface BoardResource extends CommunityResource {
  board: Pick<BoardRow, 'visibility' | 'posting' | 'kind' | 'premoderation'>;
}

/** A topic as seen by one actor, within its board and community. */
export interface TopicResource extends BoardResource {
  topic: Pick<TopicRow, 'author_id' | 'locked' | 'status' | 'kind'> &
    /** Needed for `delete` (unknown: as if it had replies) and `followMerge` (unknown: not merged). */
    Partial<Pick<TopicRow, 'replies_count' | 'merged_into_id'>>;
  /** The actor's rank lets them mark solutions on any question of a board (issue 6: Superfans). */
  rankMarksSolutions?: boolean;
}

/** A reply (or the topic itself) an actor acts upon: its author. */
export interface PostResource extends TopicResource {
  /** Its author, and (for reading a reply) its status. */
  post: { authorId: string; status?: PostStatus };
}

const isStaff = (actor: Actor | null, m: MembershipFacts | null) =>
  !!actor?.isPlatformAdmin || hasRole(m, ['admin', 'moderator']);
/**
 * Whether the actor sees a community's posts waiting for moderation: its staff (`topicPolicy.moderate`).
 * Known from the membership alone, before any topic is read.
 */
export const seesPendingPosts = (actor: Actor | null, resource: Pick<CommunityResource, 'membership'>) =>
  isStaff(actor, resource.membership);
/** Members who write in public: observers watch and never post (PRODUCT: observer). */
const canWrite = (m: MembershipFacts | null) => hasRole(m, ['member', 'expert', 'moderator', 'admin']);
const isAuthor = (m: MembershipFacts | null, authorId: string) => !!m && m.id === authorId;

/** Whether the actor reads a board: its community's content, then the board's own visibility. */
function canViewBoard(actor: Actor | null, resource: BoardResource): boolean {
  if (!communityPolicy.viewContent(actor, resource)) return false;
  if (resource.board.visibility === 'public') return true;
  if (resource.board.visibility === 'members')
    return resource.membership?.status === 'active' || !!actor?.isPlatformAdmin;
  return isStaff(actor, resource.membership) || hasRole(resource.membership, ['observer']);
}

/** Whether the actor reads a topic: published ones for board readers; pending ones for their author and staff. */
function canViewTopic(actor: Actor | null, resource: TopicResource): boolean {
  return (
    canViewBoard(actor, resource) &&
    (resource.topic.status === 'published' ||
      isStaff(actor, resource.membership) ||
      (resource.topic.status === 'pending' && isAuthor(resource.membership, resource.topic.author_id)))
  );
}

/**
 * Whether the actor changes (edits or deletes) a post of a topic they read: staff always; its author while
 * an active member who writes, not in a locked topic. Nobody changes a deleted topic's posts.
 */
function canChangePost(actor: Actor | null, resource: TopicResource, authorId: string): boolean {
  if (!canViewTopic(actor, resource) || resource.topic.status === 'deleted') return false;
  if (isStaff(actor, resource.membership)) return true;
  return (
    resource.membership?.status === 'active' &&
    canWrite(resource.membership) &&
    isAuthor(resource.membership, authorId) &&
    !resource.topic.locked
  );
}

/** Who may read and post in a board (DESIGN rule 3). */
export const boardPolicy = definePolicy<BoardResource>()({
  view: canViewBoard,
  /** Staff moderate a board: their posts skip pre-moderation and posting limits. */
  moderate: (actor, resource) => isStaff(actor, resource.membership),
  post: (actor, resource) =>
    canViewBoard(actor, resource) &&
    canWrite(resource.membership) &&
    (isStaff(actor, resource.membership) ||
      (resource.board.posting === 'members' && resource.board.kind !== 'announcements')),
});

/** Who may create and arrange boards. */
export const boardAdminPolicy = definePolicy<CommunityResource>()({
  manageBoards: (actor, { membership }) => isStaff(actor, membership),
});

/** Who may read a topic and act in it. */
export const topicPolicy = definePolicy<TopicResource>()({
  view: canViewTopic,
  reply: (actor, resource) =>
    canViewTopic(actor, resource) &&
    canWrite(resource.membership) &&
    resource.topic.status === 'published' &&
    (!resource.topic.locked || isStaff(actor, resource.membership)),
  /**
   * The asker (while an active member), an active member whose rank grants it (`rankMarksSolutions`) or
   * staff accept (and undo) solutions on a question.
   */
  acceptSolution: (actor, resource) =>
    canViewTopic(actor, resource) &&
    resource.topic.kind === 'question' &&
    ((resource.membership?.status === 'active' &&
      (isAuthor(resource.membership, resource.topic.author_id) ||
        (!!resource.rankMarksSolutions && canWrite(resource.membership)))) ||
      isStaff(actor, resource.membership)),
  moderate: seesPendingPosts,
  /** The author (active, topic not locked) or staff change the title and body. */
  edit: (actor, resource) => canChangePost(actor, resource, resource.topic.author_id),
  /** The author (active, topic not locked, no replies yet) or staff delete it (softly). */
  delete: (actor, resource) =>
    canChangePost(actor, resource, resource.topic.author_id) &&
    (resource.topic.replies_count === 0 || isStaff(actor, resource.membership)),
  /** Staff lock, pin, move and merge topics. */
  arrange: (actor, resource) =>
    canViewTopic(actor, resource) &&
    resource.topic.status !== 'deleted' &&
    isStaff(actor, resource.membership),
  /** Board readers follow a merged topic to the one it was merged into. */
  followMerge: (actor, resource) => !!resource.topic.merged_into_id && canViewBoard(actor, resource),
});

/** Who may edit and delete a reply (its author while active and the topic is open, or staff). */
export const replyPolicy = definePolicy<PostResource>()({
  /** A reply is read where its topic is, once published; pending or hidden ones by their author and staff. */
  view: (actor, resource) =>
    canViewTopic(actor, resource) &&
    (resource.post.status === 'published' ||
      isStaff(actor, resource.membership) ||
      isAuthor(resource.membership, resource.post.authorId)),
  edit: (actor, resource) => canChangePost(actor, resource, resource.post.authorId),
  delete: (actor, resource) => canChangePost(actor, resource, resource.post.authorId),
});

/** Who may give kudos to a post: members who read it, never to their own. */
export const kudosPolicy = definePolicy<PostResource>()({
  give: (actor, resource) =>
    canViewTopic(actor, resource) &&
    resource.membership?.status === 'active' &&
    hasRole(resource.membership, ['member', 'expert', 'moderator', 'admin']) &&
    !isAuthor(resource.membership, resource.post.authorId),
});

/** Who may upload images to attach to their own posts: members of the community who write in it. */
export const uploadPolicy = definePolicy<CommunityResource>()({
  upload: (actor, resource) => communityPolicy.viewContent(actor, resource) && canWrite(resource.membership),
});
