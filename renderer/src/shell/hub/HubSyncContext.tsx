import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { HubStatus } from '../../../../shared/contract/hub';
import { api } from '../../api/client';

/** How often the shell asks for the hub status (a few counts in the store: cheap); less often on a store with no hub. */
export const HUB_STATUS_POLL_MS = 2000;
const NOT_CONNECTED_POLL_MS = 10_000;

export interface HubSyncValue {
  /** null until the first answer */
  status: HubStatus | null;
  /** a round asked for by hand is running */
  syncingNow: boolean;
  syncNow(): Promise<void>;
  /** grows when changes from other stations were applied: open screens reload with it in their key */
  received: number;
}

const HubSyncContext = createContext<HubSyncValue>({ status: null, syncingNow: false, syncNow: async () => undefined, received: 0 });

/** Polls `hub.status` while someone is signed in; never blocks a screen (a failed poll keeps the last answer). */
export function HubSyncProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<HubStatus | null>(null);
  const [syncingNow, setSyncingNow] = useState(false);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      let connected = true;
      try {
        const s = await api.call('hub.status', {});
        connected = s.connected;
        if (live.current) setStatus(s);
      } catch {
        // the store locked or the session ended: the shell handles that; the indicator keeps its last state
      }
      if (live.current) timer = setTimeout(() => void poll(), connected ? HUB_STATUS_POLL_MS : NOT_CONNECTED_POLL_MS);
    };
    void poll();
    return () => {
      live.current = false;
      if (timer) clearTimeout(timer);
    };
  }, []);
  const syncNow = useCallback(async () => {
    setSyncingNow(true);
    try {
      const s = await api.call('hub.syncNow', {});
      if (live.current) setStatus(s);
    } finally {
      if (live.current) setSyncingNow(false);
    }
  }, []);
  return <HubSyncContext.Provider value={{ status, syncingNow, syncNow, received: status?.received ?? 0 }}>{children}</HubSyncContext.Provider>;
}

export function useHubSync(): HubSyncValue {
  return useContext(HubSyncContext);
}

/** The count of changes received from other stations: a screen puts it in its load key to show them as they come. */
export function useHubReceived(): number {
  return useContext(HubSyncContext).received;
}
