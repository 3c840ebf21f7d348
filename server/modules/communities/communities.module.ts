import type { Kernel } from '../../platform/kernel.ts';
import { findCommunity, findMembershipFacts } from './communities.repository.ts';
import { CommunityEvents } from './communities.events.ts';
import { memberPolicy } from '../members/members.policy.ts';
import { communityPolicy } from './communities.policy.ts';

/**
 * Wires the communities area into the kernel: who may join its real-time channels, and the subscriber
 * that pushes community changes to connected browsers.
 */
export function registerCommunities(kernel: Kernel): void {
  kernel.realtime.channel('community', async (actor, id) => {
    const community = await findCommunity(kernel.db, id);
    if (!community) return false;
    const membership = await findMembershipFacts(kernel.db, community.id, actor?.userId);
    return communityPolicy.viewContent(actor, { community, membership });
  });
  kernel.realtime.channel('staff', async (actor, id) => {
    const community = await findCommunity(kernel.db, id);
    if (!community) return false;
    const membership = await findMembershipFacts(kernel.db, community.id, actor?.userId);
    return memberPolicy.joinStaffChannel(actor, { community, membership });
  });
  kernel.realtime.channel('user', async (actor, id) => actor?.userId === id);
  kernel.dispatcher.subscribe({
    name: 'communities.realtime',
    events: [CommunityEvents.updated],
    handle: async () => undefined,
    afterCommit: (event) => {
      kernel.realtime.publish(`community:${event.communityId}`, event.type, {
        id: event.id,
        ...event.payload,
      });
    },
  });
}
