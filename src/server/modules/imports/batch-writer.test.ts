import { describe, expect, it } from 'vitest';
import { BatchWriter } from './batch-writer.ts';

// The ordering rules of BatchWriter, with writes that take as long as the test says (the
// database side is covered by the import tests).

function gate() {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const p = new Promise<void>((res, rej) => {
    open = res;
    fail = rej;
  });
  return { p, open, fail };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('BatchWriter', () => {
  it('writes two batches at once but commits them in the order they started', async () => {
    const w = new BatchWriter({ writers: 2 });
    const log: string[] = [];
    const work = [gate(), gate(), gate()];
    const write = (i: number) => async (prev: Promise<void>) => {
      log.push(`start ${i}`);
      await work[i]!.p;
      await prev;
      log.push(`commit ${i}`);
      return i;
    };
    await w.start(new Set(['a']), write(0), async () => {});
    await w.start(new Set(['b']), write(1), async () => {});
    // Batch 1 finishes its work first, yet commits only after batch 0.
    work[1]!.open();
    await tick();
    expect(log).toEqual(['start 0', 'start 1']);
    // A third batch waits for a free writer.
    const third = w.start(new Set(['c']), write(2), async () => {});
    await tick();
    expect(log).not.toContain('start 2');
    work[0]!.open();
    await third;
    work[2]!.open();
    await w.finish();
    expect(log).toEqual(['start 0', 'start 1', 'commit 0', 'commit 1', 'start 2', 'commit 2']);
  });

  it('does not start a batch sharing a key with one in flight until that one is done', async () => {
    const w = new BatchWriter({ writers: 2 });
    const log: string[] = [];
    const first = gate();
    await w.start(new Set(['e:x@example.com', 'p:1']), async () => {
      await first.p;
      log.push('first done');
    }, async () => {});
    const second = w.start(new Set(['p:1']), async () => {
      log.push('second started');
    }, async () => {});
    await tick();
    expect(log).toEqual([]);
    first.open();
    await second;
    await w.finish();
    expect(log).toEqual(['first done', 'second started']);
  });

  it('tells which keys a batch in flight creates, once it has narrowed them', async () => {
    const w = new BatchWriter({ writers: 2 });
    const checked = gate();
    const done = gate();
    await w.start(new Set(['e:a', 'e:b', 'p:1']), async (_prev, narrow) => {
      await checked.p;
      narrow(new Set(['e:a'])); // e:b and p:1 matched records that already exist
      await done.p;
    }, async () => {});
    let answer: Set<string> | null = null;
    const asked = w.creating(['e:a', 'e:b', 'e:c']).then((r) => (answer = r));
    await tick();
    expect(answer).toBeNull(); // not before the batch has narrowed its keys
    checked.open();
    await asked;
    expect([...answer!]).toEqual(['e:a']);
    done.open();
    await w.finish();
    expect([...(await w.creating(['e:a']))]).toEqual([]);
  });

  it('fails every later batch when one fails, and reports the first failure', async () => {
    const w = new BatchWriter({ writers: 2 });
    const first = gate();
    let secondCommitted = false;
    await w.start(new Set(), async () => first.p, async () => {});
    await w.start(new Set(), async (prev) => {
      await prev;
      secondCommitted = true;
    }, async () => {});
    first.fail(new Error('disk full'));
    await expect(w.finish()).rejects.toThrow('disk full');
    expect(secondCommitted).toBe(false);
    await expect(w.start(new Set(), async () => {}, async () => {})).rejects.toThrow('disk full');
  });

  it('holds the writer until the step after the commit is done', async () => {
    const w = new BatchWriter({ writers: 1 });
    const after = gate();
    const seen: number[] = [];
    await w.start(new Set(), async () => 7, async (n) => {
      seen.push(n);
      await after.p;
    });
    let started = false;
    const next = w.start(new Set(), async () => {
      started = true;
    }, async () => {});
    await tick();
    expect(seen).toEqual([7]);
    expect(started).toBe(false);
    after.open();
    await next;
    await w.finish();
    expect(started).toBe(true);
  });
});
