import { useEffect, useRef, useState } from 'react';

export interface MoneyEvent {
  type: 'stop_payment.new' | 'stop_payment.answered';
  /** stop_payment.new: the case whose requests were sent; stop_payment.answered: the request. */
  id: number;
  /** stop_payment.answered only. */
  caseId?: number | undefined;
  status?: string | undefined;
}

/** Transaction monitoring: alerts raised for a bank (`id` 0: a batch raised some) and alerts escalated to the center. */
export type RiskEventType = 'risk_alert.new' | 'risk_alert.escalated';

function parse(type: MoneyEvent['type'], e: Event): MoneyEvent | null {
  if (!(e instanceof MessageEvent) || typeof e.data !== 'string') return null;
  try {
    const data = JSON.parse(e.data) as { id?: unknown; caseId?: unknown; status?: unknown };
    if (typeof data.id !== 'number') return null;
    return { type, id: data.id, caseId: typeof data.caseId === 'number' ? data.caseId : undefined, status: typeof data.status === 'string' ? data.status : undefined };
  } catch {
    return null;
  }
}

/**
 * The server's event stream for stop-payment changes in the caller's scope: new requests (to a bank or
 * sent for a case) and banks' answers. Only ids travel; screens refetch through the scoped endpoints.
 * `onEvent` gets each event, and `onReconnect` once after the stream came back (changes were missed).
 * Disabled (enabled=false) for roles the server does not let listen; they poll instead. `onRisk` hears the
 * transaction monitoring's alerts on the same connection.
 */
export function useMoneyStream(enabled: boolean, onEvent: (e: MoneyEvent) => void, onReconnect: () => void, onRisk?: (type: RiskEventType) => void): { connected: boolean } {
  const [connected, setConnected] = useState(false);
  const handlers = useRef({ onEvent, onReconnect, onRisk });
  useEffect(() => {
    handlers.current = { onEvent, onReconnect, onRisk };
  });
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/v1/stream');
    let hellos = 0;
    source.addEventListener('hello', () => {
      setConnected(true);
      if (hellos++ > 0) handlers.current.onReconnect();
    });
    for (const type of ['stop_payment.new', 'stop_payment.answered'] as const) {
      source.addEventListener(type, (e) => {
        const event = parse(type, e);
        if (event) handlers.current.onEvent(event);
      });
    }
    // The funds module's monitoring screens share this one connection.
    for (const type of ['risk_alert.new', 'risk_alert.escalated'] as const) source.addEventListener(type, () => handlers.current.onRisk?.(type));
    source.addEventListener('error', () => setConnected(source.readyState === EventSource.OPEN));
    return () => {
      source.close();
      setConnected(false);
    };
  }, [enabled]);
  return { connected: enabled && connected };
}
