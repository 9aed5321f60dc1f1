import { describe, expect, it } from 'vitest';
import { planDrop, planMenuMove } from './order.ts';

const cols = () => ({ open: [1, 2, 3], done: [4, 5], cancelled: [] as number[] });

describe('planDrop', () => {
  it('drops on a card of another column: before it, between its neighbours', () => {
    expect(planDrop(cols(), 2, 5)).toEqual({ to: 'done', columns: { open: [1, 3], done: [4, 2, 5], cancelled: [] }, after_id: 4, before_id: 5 });
    expect(planDrop(cols(), 1, 4)).toEqual({ to: 'done', columns: { open: [2, 3], done: [1, 4, 5], cancelled: [] }, before_id: 4 });
  });

  it('drops on a column: at its end (an empty column: no neighbours)', () => {
    expect(planDrop(cols(), 1, 'col:done')).toEqual({ to: 'done', columns: { open: [2, 3], done: [4, 5, 1], cancelled: [] }, after_id: 5 });
    expect(planDrop(cols(), 1, 'col:cancelled')).toEqual({ to: 'cancelled', columns: { open: [2, 3], done: [4, 5], cancelled: [1] } });
  });

  it('reorders within a column the way a sortable list does', () => {
    expect(planDrop(cols(), 1, 3)).toMatchObject({ to: 'open', columns: { open: [2, 3, 1] }, after_id: 3 });
    expect(planDrop(cols(), 3, 1)).toMatchObject({ to: 'open', columns: { open: [3, 1, 2] }, before_id: 1 });
    expect(planDrop(cols(), 2, 2)).toBeNull();
    expect(planDrop(cols(), 3, 'col:open')).toBeNull();
  });

  it('ignores unknown cards and targets', () => {
    expect(planDrop(cols(), 9, 1)).toBeNull();
    expect(planDrop(cols(), 1, 'col:nope')).toBeNull();
    expect(planMenuMove(cols(), 4, 'open')).toMatchObject({ to: 'open', after_id: 3 });
  });
});
