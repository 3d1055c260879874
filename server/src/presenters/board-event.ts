import { isSetupEvent, type BoardEvent } from '@patchbay/shared';

/** Events that read differently for a viewer who may not see the setup list. */
export function isAudienceSensitive(event: BoardEvent): boolean {
  return isSetupEvent(event) || event.type === 'session.updated';
}

/**
 * A board event as one viewer may see it. Without the setup list (guests) a setup event becomes
 * `redacted` (same seq, nothing else: the sequence stays gap-free) and a session's setup progress
 * is left out.
 */
export function presentEventFor(event: BoardEvent, seesSetup: boolean): BoardEvent {
  if (seesSetup) return event;
  if (isSetupEvent(event)) return { v: event.v, sessionId: event.sessionId, seq: event.seq, at: event.at, actor: null, type: 'redacted' };
  if (event.type === 'session.updated' && event.session.setup !== null) return { ...event, session: { ...event.session, setup: null } };
  return event;
}
