import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';
import { factories } from '../db/factories.ts';
import { getObject } from './registry.ts';

const t = useTestApp();

async function allPages(url: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const r: any = await t.api(t.adminToken, 'GET', `${url}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status).toBe(200);
    ids.push(...r.body.data.map((c: any) => c.id));
    cursor = r.body.next_cursor;
  } while (cursor);
  return ids;
}

describe('keyset pages of a sort column', () => {
  it('keep the rows whose nullable column is NULL (contacts.title is not the tasks title)', async () => {
    const f = factories(t);
    const tag = `nn${Date.now()}`;
    const made = [
      await f.contact({ title: 'Buyer', tags: [tag] }),
      await f.contact({ tags: [tag] }),
      await f.contact({ title: 'Agent', tags: [tag] }),
      await f.contact({ tags: [tag] }),
      await f.contact({ title: 'Clerk', tags: [tag] }),
    ];
    for (const sort of ['title', '-title']) {
      const ids = await allPages(`/contacts?filter[tags]=${tag}&sort=${sort}`);
      expect(ids.sort()).toEqual(made.map((c) => c.id).sort());
    }
  });

  it('come from each definition: the columns NOT NULL in its table', () => {
    expect(getObject('contacts').notNull).toEqual(['name']);
    expect(getObject('accounts').notNull).toEqual(['name']);
    expect(getObject('activities').notNull).toEqual(['kind', 'subject', 'occurred_at']);
    expect(getObject('tasks').notNull).toEqual(['title', 'status']);
  });
});
