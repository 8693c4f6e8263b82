import { EventEmitter } from 'node:events';

/** A change others should see at once: the org paths it concerns decide who is told. */
export interface LiveEvent {
  type: string;
  id: number;
  orgPaths: string[];
  data?: Record<string, unknown>;
}

/** Sends packed event lists to every process (PostgreSQL NOTIFY); they come back through deliver(). */
export type LiveRelay = (payloads: string[]) => Promise<void>;

/** NOTIFY payloads must stay under 8,000 bytes. */
const MAX_PAYLOAD = 7_000;

/**
 * Fan-out of changes to open event streams (SSE). Without a relay (PGlite: one process) an event goes
 * straight to this process's subscribers. With one (PostgreSQL) events published in the same tick are
 * packed into a few NOTIFY payloads, and every listening server process — the publisher included —
 * delivers them, so an escalation found by a separate `fanzha worker` reaches the browsers too.
 */
export class LiveBus {
  private readonly emitter = new EventEmitter();
  private pending: LiveEvent[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly relay?: LiveRelay,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    this.emitter.setMaxListeners(0);
  }

  publish(event: LiveEvent): void {
    if (!this.relay) {
      this.deliver(event);
      return;
    }
    this.pending.push(event);
    if (this.pending.length === 1) setImmediate(() => void this.flush());
  }

  /** Sends what is pending now; resolves when the relay has taken it. */
  async flush(): Promise<void> {
    if (this.flushing) await this.flushing;
    const events = this.pending;
    if (!this.relay || events.length === 0) return;
    this.pending = [];
    this.flushing = this.relay(pack(events))
      .catch((err: unknown) => this.onError(err))
      .finally(() => {
        this.flushing = null;
      });
    await this.flushing;
  }

  /** Hands an event to this process's subscribers. */
  deliver(event: LiveEvent): void {
    this.emitter.emit('event', event);
  }

  /** Hands a relayed payload (a JSON array of events) to this process's subscribers. */
  deliverPayload(payload: string): void {
    let events: unknown;
    try {
      events = JSON.parse(payload);
    } catch {
      return;
    }
    if (!Array.isArray(events)) return;
    for (const e of events as LiveEvent[]) if (e && typeof e.type === 'string' && Array.isArray(e.orgPaths)) this.deliver(e);
  }

  subscribe(listener: (e: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  get listeners(): number {
    return this.emitter.listenerCount('event');
  }
}

/** Packs events into JSON arrays that each fit one NOTIFY payload (an oversized event travels alone). */
export function pack(events: LiveEvent[]): string[] {
  const out: string[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const e of events) {
    const json = JSON.stringify(e);
    if (parts.length && size + json.length + 1 > MAX_PAYLOAD) {
      out.push(`[${parts.join(',')}]`);
      parts = [];
      size = 2;
    }
    parts.push(json);
    size += json.length + 1;
  }
  if (parts.length) out.push(`[${parts.join(',')}]`);
  return out;
}
