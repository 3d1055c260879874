import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeys } from '../api/queries';
import { useConnectionStatus, useRealtime } from '../realtime/realtime-context';
import type { LiveStatus } from '../board/use-live-board';

/**
 * Keeps hours on screen live: watches the studio's workload channel (again after every
 * reconnect) and refetches the report, the work behind it and the agenda when the server says
 * something counting toward hours changed. Returns the live state for the indicator.
 */
export function useWorkloadLive(enabled = true, options: { alsoRefresh?: readonly (readonly unknown[])[] } = {}): LiveStatus {
  // Other views on the same channel (the calendar refetches its sessions); a stable key for the effect.
  const also = JSON.stringify(options.alsoRefresh ?? []);
  const realtime = useRealtime();
  const queryClient = useQueryClient();
  const connection = useConnectionStatus();
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.allWorkload });
      void queryClient.invalidateQueries({ queryKey: queryKeys.allAgenda });
      for (const queryKey of JSON.parse(also) as unknown[][]) void queryClient.invalidateQueries({ queryKey });
    };
    const watch = () => {
      realtime.watchWorkload().then(
        (ack) => {
          if (cancelled) return;
          setWatching(ack.ok);
          // Whatever changed while the connection was down is fetched again.
          if (ack.ok) refresh();
        },
        () => !cancelled && setWatching(false),
      );
    };
    if (realtime.getStatus() === 'connected') watch();
    const offConnect = realtime.onConnect(watch);
    const offChange = realtime.onWorkloadChanged(refresh);
    return () => {
      cancelled = true;
      offConnect();
      offChange();
      realtime.unwatchWorkload();
    };
  }, [enabled, queryClient, realtime, also]);
  if (connection === 'connected') return watching ? 'live' : 'syncing';
  return connection === 'connecting' ? 'connecting' : connection;
}
