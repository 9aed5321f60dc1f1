/**
 * Task events (created, done) come in bursts — a follow-up task per contact, an import of
 * reminders — and pushed calls and visits off an account's timeline. Runs of two or more
 * consecutive task events fold into one entry the user can open; everything else stays as it is,
 * in the server's order (newest first, by when it happened).
 */
export const FOLDED_KINDS = new Set(['task', 'task_done']);

export type TimelineItem<E> = { kind: 'event'; event: E } | { kind: 'folded'; key: string; events: E[] };

export function foldTaskRuns<E extends { id: number; kind: string }>(events: readonly E[]): TimelineItem<E>[] {
  const out: TimelineItem<E>[] = [];
  let run: E[] = [];
  const flush = () => {
    if (run.length >= 2) out.push({ kind: 'folded', key: `folded-${run[0]!.id}`, events: run });
    else for (const event of run) out.push({ kind: 'event', event });
    run = [];
  };
  for (const e of events) {
    if (FOLDED_KINDS.has(e.kind)) run.push(e);
    else {
      flush();
      out.push({ kind: 'event', event: e });
    }
  }
  flush();
  return out;
}
