/** The events of the live sessions' probe library and transcript coding. Payloads carry ids only. */
export const LiveToolEvents = {
  probeCreated: 'live_probe.created',
  probeUpdated: 'live_probe.updated',
  probeDeleted: 'live_probe.deleted',
  codeCreated: 'live_code.created',
  codeUpdated: 'live_code.updated',
  codeDeleted: 'live_code.deleted',
  codesCopied: 'live_code.copied',
  excerptTagged: 'live_excerpt.tagged',
  excerptUntagged: 'live_excerpt.untagged',
} as const;

/** An event of a session's coding (codebook, excerpts): ids of the community and session, and `extra`. */
export function codingEvent(
  type: (typeof LiveToolEvents)[keyof typeof LiveToolEvents],
  session: { id: string; community_id: string },
  actorUserId: string,
  extra: Record<string, unknown>,
) {
  return {
    type,
    communityId: session.community_id,
    actorUserId,
    payload: { communityId: session.community_id, sessionId: session.id, ...extra },
  };
}
