import type { AccessRole } from '@patchbay/shared';

/** Who is making a request: the signed-in member, their studio and access role. */
export interface AuthContext {
  /** The AuthSession row (one signed-in browser). */
  sessionId: string;
  userId: string;
  memberId: string;
  studioId: string;
  role: AccessRole;
  name: string;
  email: string;
  /** When the sign-in ends (sockets are disconnected then). */
  expiresAt: Date;
}
