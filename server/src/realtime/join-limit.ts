/**
 * Token buckets for the socket events that join or leave rooms (board.join / board.leave,
 * workload.watch / workload.unwatch): each socket, and each member across all its sockets on
 * this instance, may spend `limit` of them per window, refilled continuously. Checked before any
 * database work, so a flood of joins costs the server next to nothing.
 */
export interface JoinLimits {
  perSocket: number;
  perMember: number;
  windowMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export interface JoinLimiter {
  /** Spends one token of the socket and of the member; false (and nothing spent) when either is empty. */
  take: (socketId: string, memberId: string) => boolean;
  /** Forgets a socket's bucket (on disconnect). */
  forgetSocket: (socketId: string) => void;
}

export function createJoinLimiter(limits: JoinLimits, now: () => number = Date.now): JoinLimiter {
  const sockets = new Map<string, Bucket>();
  const members = new Map<string, Bucket>();

  const refill = (map: Map<string, Bucket>, key: string, limit: number, t: number): Bucket => {
    const bucket = map.get(key) ?? { tokens: limit, at: t };
    bucket.tokens = Math.min(limit, bucket.tokens + ((t - bucket.at) * limit) / limits.windowMs);
    bucket.at = t;
    map.set(key, bucket);
    return bucket;
  };

  // Full member buckets carry no information: drop them now and then so the map stays small.
  let lastSweep = now();
  const sweep = (t: number) => {
    if (t - lastSweep < limits.windowMs) return;
    lastSweep = t;
    for (const [key, b] of members) if (b.tokens + ((t - b.at) * limits.perMember) / limits.windowMs >= limits.perMember) members.delete(key);
  };

  return {
    take(socketId, memberId) {
      const t = now();
      sweep(t);
      const s = refill(sockets, socketId, limits.perSocket, t);
      const m = refill(members, memberId, limits.perMember, t);
      if (s.tokens < 1 || m.tokens < 1) return false;
      s.tokens -= 1;
      m.tokens -= 1;
      return true;
    },
    forgetSocket(socketId) {
      sockets.delete(socketId);
    },
  };
}
