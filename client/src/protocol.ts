/**
 * Wire constants of the realtime protocol, mirrored from @patchbay/shared without importing
 * its zod schemas at runtime (that would add zod to the bundle for three constants).
 * The `satisfies` / type checks below fail the typecheck if the shared values ever change.
 */
import type {
  PROTOCOL_VERSION as SHARED_PROTOCOL_VERSION,
  SOCKET_ID_HEADER as SHARED_SOCKET_ID_HEADER,
  ServerToClientEvents,
} from '@patchbay/shared';

export const PROTOCOL_VERSION: typeof SHARED_PROTOCOL_VERSION = 4;
export const SOCKET_ID_HEADER: typeof SHARED_SOCKET_ID_HEADER = 'x-socket-id';

/** Board events arrive in frames: consecutive events of one board, in seq order. */
export const BOARD_EVENTS_FRAME = 'board.events' as const satisfies keyof ServerToClientEvents;

/** Who is looking at a board: pushed to its viewers after joins and leaves (not in the event log). */
export const PRESENCE_EVENT = 'presence.changed' as const satisfies keyof ServerToClientEvents;
/** Something counting toward hours changed in the studio (not in the event log: the figures come from REST). */
export const WORKLOAD_EVENT = 'workload.changed' as const satisfies keyof ServerToClientEvents;
/** Someone named the signed-in member in a comment, or their mentions were read on another screen. */
export const MENTIONS_EVENT = 'mentions.changed' as const satisfies keyof ServerToClientEvents;
