/** The events of the live sessions' probe library and transcript coding. Payloads carry ids only. */
export const LiveToolEvents = {
  probeCreated: 'live_probe.created',
  probeUpdated: 'live_probe.updated',
  probeDeleted: 'live_probe.deleted',
  codeCreated: 'live_code.created',
  excerptTagged: 'live_excerpt.tagged',
  excerptUntagged: 'live_excerpt.untagged',
} as const;
