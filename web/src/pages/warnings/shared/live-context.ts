import { createContext, useContext } from 'react';

export interface LiveState {
  connected: boolean;
  /** Warnings that arrived over the stream since the module opened, newest first: marked 新 in the queue. */
  fresh: ReadonlySet<number>;
}

export const LiveContext = createContext<LiveState>({ connected: false, fresh: new Set() });

export function useLive(): LiveState {
  return useContext(LiveContext);
}
