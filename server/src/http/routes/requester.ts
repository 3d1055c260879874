import { SOCKET_ID_HEADER } from '@patchbay/shared';
import type { Request } from 'express';
import type { CommandOptions } from '../../domain/command';

/** The requester's own socket (x-socket-id), so its change is not echoed back to it. */
export const requester = (req: Request): CommandOptions => {
  const id = req.get(SOCKET_ID_HEADER);
  return { exceptSocketId: id && id.length <= 64 ? id : undefined };
};
