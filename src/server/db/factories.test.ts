import { describe, expect, it } from 'vitest';
import { useTestApp } from './test-helpers.ts';
import { factories } from './factories.ts';

const t = useTestApp();
const f = factories(t);

describe('test data factories', () => {
  it('make records through the API with unique defaults, overridable', async () => {
    const [a, b] = [await f.contact(), await f.contact({ email: 'x@example.cn' })];
    expect(a.name).not.toBe(b.name);
    expect(b.email).toBe('x@example.cn');
    expect((await t.api(t.adminToken, 'GET', `/contacts/${a.id}`)).body.data.name).toBe(a.name);
    const account = await f.account({ name: 'Factory Co' });
    expect(account).toMatchObject({ id: expect.any(Number), name: 'Factory Co' });
    const task = await f.task({ account_id: account.id });
    expect(task).toMatchObject({ title: expect.stringMatching(/^Task \d+$/), account_id: account.id });
  });

  it('link an activity to a new account unless told where', async () => {
    const own = await f.activity();
    expect(own.account_id).toEqual(expect.any(Number));
    const contact = await f.contact();
    const onContact = await f.activity({ contact_id: contact.id, kind: 'visit' });
    expect(onContact).toMatchObject({ contact_id: contact.id, kind: 'visit' });
  });

  it('act as another user, and throw with the answer when the API refuses', async () => {
    const rep = await f.user('sales');
    const mine = await f.as(rep.token).contact();
    expect(mine.owner_id).toBe(rep.id);
    const reader = await f.user('readonly');
    await expect(f.as(reader.token).contact()).rejects.toThrow(/POST \/contacts answered 403/);
    await expect(f.contact({ email: 'not-an-email' })).rejects.toThrow(/answered 400/);
  });
});
