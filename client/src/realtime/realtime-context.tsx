import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { ConnectionStatus, RealtimeConnection } from './connection';

const RealtimeContext = createContext<RealtimeConnection | null>(null);

export function RealtimeProvider({ connection, children }: { connection: RealtimeConnection; children: ReactNode }) {
  return <RealtimeContext value={connection}>{children}</RealtimeContext>;
}

export function useRealtime(): RealtimeConnection {
  const connection = use(RealtimeContext);
  if (!connection) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return connection;
}

export function useConnectionStatus(): ConnectionStatus {
  const connection = useRealtime();
  return useSyncExternalStore(connection.subscribeStatus, connection.getStatus, connection.getStatus);
}
