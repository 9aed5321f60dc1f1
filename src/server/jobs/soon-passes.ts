import type { JobQueue } from './queue.ts';

export type PassLog = { error: (o: object, m: string) => void };

/**
 * Runs `pass` soon after each commit that asks for it (`onSoon`), never two at once: a request
 * while a pass runs makes one more pass after it. With the recurring sweep `schedule` (once
 * across processes, `seconds` apart) it is how the event outbox and the mail outbox deliver.
 * Answers an unregister function that waits for a pass in flight (call it before closing the
 * database).
 */
export function registerSoonPasses(
  queue: JobQueue,
  opts: { name: string; seconds: number; pass: () => Promise<unknown>; onSoon: (fn: () => void) => () => void; log: PassLog; what: string },
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (!queue.started()) return;
    if (running) {
      again = true;
      return;
    }
    running = opts.pass()
      .then(() => undefined)
      .catch((e) => opts.log.error({ err: (e as Error).message }, `${opts.what} pass failed`))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const off = opts.onSoon(run);
  queue.schedule(opts.name, opts.seconds, async () => void (await opts.pass()));
  return async () => {
    off();
    again = false;
    await running;
  };
}
