import { describe, expect, it } from 'vitest';
import { foldTaskRuns } from './timelineGroups.ts';

const ev = (id: number, kind: string) => ({ id, kind });

describe('foldTaskRuns', () => {
  it('folds runs of two or more task events and keeps calls and visits in place', () => {
    const items = foldTaskRuns([ev(9, 'task'), ev(8, 'task_done'), ev(7, 'task'), ev(6, 'call'), ev(5, 'task'), ev(4, 'visit'), ev(3, 'task'), ev(2, 'task')]);
    expect(items.map((i) => (i.kind === 'folded' ? `folded:${i.events.map((e) => e.id).join(',')}` : i.event.id))).toEqual(['folded:9,8,7', 6, 5, 4, 'folded:3,2']);
  });

  it('leaves a timeline without task runs unchanged', () => {
    const events = [ev(3, 'call'), ev(2, 'note'), ev(1, 'meeting')];
    expect(foldTaskRuns(events)).toEqual(events.map((event) => ({ kind: 'event', event })));
  });
});
