import type { Kernel } from '../../platform/kernel.ts';
import { onReliabilityInput, RELIABILITY_EVENTS } from './processors/on-reliability-input.ts';

/**
 * Wires the panel into the kernel: the subscriber that recomputes reliability scores when their inputs
 * change (a survey completed, a live session ended, a member rated).
 */
export function registerPanel(kernel: Kernel): void {
  kernel.dispatcher.subscribe({
    name: 'panel.reliability',
    events: RELIABILITY_EVENTS,
    handle: onReliabilityInput,
  });
}
