import type { BoardEvent } from '@patchbay/shared';
import { presentGuestEvent, type Audience } from './guest';

/**
 * A board event as one audience may see it: staff get it as written; guests (and anyone who may
 * see a board but not its setup list) get `redacted` in place of every event — same seq, nothing
 * else, so their sequence stays gap-free (presenters/guest.ts).
 */
export function presentEventFor(event: BoardEvent, audience: Audience): BoardEvent {
  return audience === 'staff' ? event : presentGuestEvent(event);
}
