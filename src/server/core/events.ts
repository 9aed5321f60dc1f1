// In-process record events, delivered after the write transaction commits. Later modules
// (webhooks, workflow rules, notifications) subscribe here; the audit row and timeline
// entries are written inside the transaction itself (core/audit.ts, core/timeline.ts).
export interface RecordEvent {
  type: 'created' | 'updated' | 'deleted' | 'merged' | 'imported';
  object: string;
  id: number;
  actorId: number | null;
  record?: Record<string, unknown>;
  changes?: Record<string, [unknown, unknown]>;
}

type Listener = (e: RecordEvent) => void | Promise<void>;
const listeners = new Set<Listener>();

export function onRecordEvent(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function publish(events: RecordEvent[]): void {
  for (const e of events)
    for (const l of listeners) {
      // A failing subscriber must not fail the request that already committed.
      Promise.resolve()
        .then(() => l(e))
        .catch(() => {});
    }
}
