import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp } from '../db/test-helpers.ts';
import { rotateSigningKey, sign, signToken, useConfiguredSigningSecret, verify, verifyToken, SIGNING_KEYS_SETTING } from './signed-tokens.ts';
import { ConfigError, loadConfig } from '../config.ts';

const keys = { current: 'k'.repeat(43) };
const now = Date.UTC(2026, 0, 1);

describe('signed tokens', () => {
  it('verify what they signed: subject and expiry', () => {
    const token = signToken(keys, 'unsubscribe', 42, 3600, now);
    expect(verifyToken(keys, 'unsubscribe', token, now)).toEqual({ ok: true, subject: '42', expiresAt: new Date(now + 3600_000) });
  });

  it('refuse a tampered subject, expiry or signature', () => {
    const token = signToken(keys, 'unsubscribe', 42, 3600, now);
    const [s, e, m] = token.split('.') as [string, string, string];
    const other = Buffer.from('43').toString('base64url');
    expect(verifyToken(keys, 'unsubscribe', `${other}.${e}.${m}`, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyToken(keys, 'unsubscribe', `${s}.${(parseInt(e, 36) + 1000).toString(36)}.${m}`, now)).toEqual({ ok: false, reason: 'bad_signature' });
    const flipped = m.slice(0, -2) + (m.at(-2) === 'A' ? 'B' : 'A') + m.at(-1);
    expect(verifyToken(keys, 'unsubscribe', `${s}.${e}.${flipped}`, now)).toEqual({ ok: false, reason: 'bad_signature' });
    for (const bad of ['', 'x', `${s}.${e}`, `${s}.${e}.${m}.x`, `${s}.${e}.${m.slice(4)}`, `${s}.${e}.${m}=`, 42, null]) {
      expect(verifyToken(keys, 'unsubscribe', bad, now)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuse another purpose and another key', () => {
    const token = signToken(keys, 'open', 42, 3600, now);
    expect(verifyToken(keys, 'unsubscribe', token, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyToken({ current: 'z'.repeat(43) }, 'open', token, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('expire', () => {
    const token = signToken(keys, 'open', 42, 60, now);
    expect(verifyToken(keys, 'open', token, now + 59_000).ok).toBe(true);
    expect(verifyToken(keys, 'open', token, now + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('accept the previous key after a rotation', () => {
    const token = signToken(keys, 'open', 7, 60, now);
    expect(verifyToken({ current: 'n'.repeat(43), previous: keys.current }, 'open', token, now).ok).toBe(true);
    expect(verifyToken({ current: 'n'.repeat(43) }, 'open', token, now).ok).toBe(false);
  });
});

describe('the stored signing key', () => {
  const t = useTestApp();

  it('is generated once, kept in settings, not answered by the settings API, and survives a rotation', async () => {
    const token = await sign(t.database.db, 'open', 5, 600);
    const { rows } = await sql<{ value: { current: string } }>`SELECT value FROM settings WHERE key = ${SIGNING_KEYS_SETTING}`.execute(t.database.db);
    expect(rows[0]!.value.current.length).toBeGreaterThanOrEqual(43);
    const settings = await t.api(t.adminToken, 'GET', '/settings');
    expect(JSON.stringify(settings.body)).not.toContain(rows[0]!.value.current);
    await rotateSigningKey(t.database.db);
    expect((await verify(t.database.db, 'open', token)).ok).toBe(true);
    const fresh = await sign(t.database.db, 'open', 5, 600);
    expect(fresh).not.toBe(token);
    expect(await verify(t.database.db, 'open', fresh)).toMatchObject({ ok: true, subject: '5' });
  });
});

describe('a configured signing secret', () => {
  const t = useTestApp();

  it('must be long enough, and wins over the stored key while set (the previous one still verifies)', async () => {
    expect(() => loadConfig({ GUANXI_SIGNING_SECRET: 'too short' })).toThrow(ConfigError);
    expect(loadConfig({ GUANXI_SIGNING_SECRET: 's'.repeat(32) }).signingSecret).toBe('s'.repeat(32));
    const stored = await sign(t.database.db, 'open', 9, 600);
    try {
      useConfiguredSigningSecret('c'.repeat(40));
      expect((await verify(t.database.db, 'open', stored)).ok).toBe(false);
      const configured = await sign(t.database.db, 'open', 9, 600);
      expect(verifyToken({ current: 'c'.repeat(40) }, 'open', configured).ok).toBe(true);
      useConfiguredSigningSecret('d'.repeat(40), 'c'.repeat(40));
      expect((await verify(t.database.db, 'open', configured)).ok).toBe(true);
    } finally {
      useConfiguredSigningSecret(undefined);
    }
    expect((await verify(t.database.db, 'open', stored)).ok).toBe(true);
  });
});
