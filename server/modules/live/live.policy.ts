import { type Actor, hasRole } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type {
  LiveAttendance,
  LiveInvitationStatus,
  LiveSessionStatus,
  LiveStaffRole,
} from '../../platform/db/schema-live.ts';
import type { CommunityResource } from '../communities/communities.policy.ts';

/** A live session as seen by one actor: their part in it (staff role, or participant facts). */
export interface LiveSessionResource extends CommunityResource {
  session: { id: string; status: LiveSessionStatus };
  staffRole: LiveStaffRole | null;
  participant: {
    id: string;
    invitation: LiveInvitationStatus;
    attendance: LiveAttendance;
    muted: boolean;
  } | null;
}

const active = (resource: CommunityResource) => resource.membership?.status === 'active';
/** Community staff who run research: admins and moderators of the community, platform admins. */
const runsResearch = (actor: Actor | null, { membership }: CommunityResource) =>
  !!actor?.isPlatformAdmin || hasRole(membership, ['admin', 'moderator']);
const moderates = (actor: Actor | null, resource: LiveSessionResource) =>
  runsResearch(actor, resource) || (active(resource) && resource.staffRole === 'moderator');
const isStaff = (actor: Actor | null, resource: LiveSessionResource) =>
  moderates(actor, resource) || (active(resource) && resource.staffRole === 'observer');
const isParticipant = (resource: LiveSessionResource) =>
  active(resource) && !!resource.participant && resource.staffRole === null;
const open = (resource: LiveSessionResource) =>
  resource.session.status === 'scheduled' || resource.session.status === 'live';

/** Who may create and list live sessions in a community (DESIGN rule 3). */
export const communityLivePolicy = definePolicy<CommunityResource>()({
  /** Create sessions and see all of them: community admins and moderators, platform admins. */
  manageSessions: runsResearch,
  /** See the sessions one is invited to or works on: any active member. */
  listOwnSessions: (actor, resource) => !!actor && active(resource),
  /** Read and change the community's probe library: the staff who prepare sessions. */
  manageProbes: runsResearch,
});

/**
 * Who may do what with one live session. Moderators are the community's admins and moderators and the
 * members the session names as moderators; observers are the session's observers (they see the room and
 * the backroom, never appear in the room); participants are invited members. Nobody else sees it.
 */
export const livePolicy = definePolicy<LiveSessionResource>()({
  /** Read the session's details: its staff and invited participants. */
  view: (actor, resource) => isStaff(actor, resource) || isParticipant(resource),
  /** Change its settings, guide and invitations; read the transcript and export it. */
  manage: moderates,
  /** Run the room: admit, send guide items, reveal, write privately, mute, remove, delete, end. */
  moderate: (actor, resource) => moderates(actor, resource) && open(resource),
  /** The staff view of the room and the confidential backroom (moderators and observers). */
  observe: (actor, resource) => isStaff(actor, resource) && open(resource),
  /** Read staff-only profile attributes of participants: community staff, not members named moderators. */
  readStaffFields: runsResearch,
  /** Read the transcript (room and backroom) and export it: moderators and observers, at any time. */
  readTranscript: isStaff,
  /** Code the transcript: keep the session's codebook and tag excerpts (moderators and observers, never participants). */
  code: isStaff,
  /** Suggest a probe to the moderator from the backroom (observers; moderators post directly). */
  suggestProbe: (actor, resource) => isStaff(actor, resource) && open(resource),
  /** Answer the invitation (accept or decline) while the session has not ended. */
  respond: (_actor, resource) => isParticipant(resource) && open(resource),
  /** Enter the lobby and, once admitted, the room. */
  join: (_actor, resource) =>
    isParticipant(resource) &&
    open(resource) &&
    resource.participant!.invitation !== 'declined' &&
    resource.participant!.attendance !== 'dismissed' &&
    resource.participant!.attendance !== 'removed',
  /** Fetch the media of stimuli sent to the room: a participant who was admitted (staff read them all). */
  viewStimuli: (_actor, resource) =>
    isParticipant(resource) &&
    resource.participant!.attendance !== 'none' &&
    resource.participant!.attendance !== 'dismissed' &&
    resource.participant!.attendance !== 'removed',
  /** Write in the room: an admitted, unmuted participant of a live session. */
  post: (_actor, resource) =>
    isParticipant(resource) &&
    resource.session.status === 'live' &&
    resource.participant!.attendance === 'admitted' &&
    !resource.participant!.muted,
});
