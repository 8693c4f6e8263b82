import { EventEmitter } from 'node:events';

/** A change others should see at once: the org paths it concerns decide who is told. */
export interface LiveEvent {
  type: string;
  id: number;
  orgPaths: string[];
  data?: Record<string, unknown>;
}

/**
 * In-process fan-out of changes to open event streams (SSE). One server process holds its own
 * subscribers; several processes would relay through PostgreSQL LISTEN/NOTIFY.
 */
export class LiveBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  publish(event: LiveEvent): void {
    this.emitter.emit('event', event);
  }
  subscribe(listener: (e: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
  get listeners(): number {
    return this.emitter.listenerCount('event');
  }
}
