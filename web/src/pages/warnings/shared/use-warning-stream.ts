import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NOTICES_KEY, WARNINGS_KEY } from './keys.ts';
import type { LiveState } from './live-context.ts';

/** Many events arrive together (an import lands thousands): one refetch per burst is enough. */
const BURST_MS = 400;
const MAX_FRESH = 200;

function idOf(e: Event): number | null {
  if (!(e instanceof MessageEvent) || typeof e.data !== 'string') return null;
  try {
    const data: unknown = JSON.parse(e.data);
    const id = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

/**
 * Listens to the server's event stream for the caller's scope and refreshes the warning queries when a
 * warning arrives or changes, so queues, details and the board update without a reload. Only ids travel
 * on the stream; the screens refetch through the scoped (and masked) endpoints.
 */
export function useWarningStream(): LiveState {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(() => new Set());
  useEffect(() => {
    const source = new EventSource('/api/v1/stream');
    let timer: ReturnType<typeof setTimeout> | null = null;
    let hellos = 0;
    let arrived: number[] = [];
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        if (arrived.length) {
          const ids = arrived.reverse();
          arrived = [];
          setFresh((s) => new Set([...ids, ...s].slice(0, MAX_FRESH)));
        }
        void queryClient.invalidateQueries({ queryKey: WARNINGS_KEY });
        void queryClient.invalidateQueries({ queryKey: NOTICES_KEY });
      }, BURST_MS);
    };
    source.addEventListener('hello', () => {
      setConnected(true);
      // After a reconnect, changes made while the stream was down were missed: catch up once.
      if (hellos++ > 0) refresh();
    });
    source.addEventListener('warning.new', (e) => {
      const id = idOf(e);
      if (id !== null) arrived.push(id);
      refresh();
    });
    source.addEventListener('warning.changed', refresh);
    source.addEventListener('error', () => setConnected(source.readyState === EventSource.OPEN));
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient]);
  return { connected, fresh };
}
