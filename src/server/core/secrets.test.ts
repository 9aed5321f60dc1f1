import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFileKeys, open, parseSecretKey, seal, sealedUnderOldKey, SecretUnreadable } from './secrets.ts';
import { ConfigError, loadConfig } from '../config.ts';

const k1 = { current: randomBytes(32) };
const k2 = { current: randomBytes(32), previous: k1.current };

describe('secrets at rest', () => {
  it('seals with a version prefix and opens only under its key and purpose', () => {
    const sealed = seal(k1, 'mail.smtp.password', 'S3cret-pw!');
    expect(sealed).toMatch(/^gx1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('S3cret');
    expect(seal(k1, 'mail.smtp.password', 'S3cret-pw!')).not.toBe(sealed); // a fresh IV each time
    expect(open(k1, 'mail.smtp.password', sealed)).toBe('S3cret-pw!');
    expect(() => open(k1, 'other.purpose', sealed)).toThrow(SecretUnreadable);
    expect(() => open({ current: randomBytes(32) }, 'mail.smtp.password', sealed)).toThrow(SecretUnreadable);
    const [v, id, iv, body] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0]! ^= 1;
    expect(() => open(k1, 'mail.smtp.password', [v, id, iv, flipped.toString('base64url')].join('.'))).toThrow(SecretUnreadable);
    for (const bad of ['', 'S3cret-pw!', 'gx2.a.b.c', `gx1.${id}.${iv}.AA`]) expect(() => open(k1, 'p', bad)).toThrow(SecretUnreadable);
  });

  it('rotation: a value sealed under the previous key still opens and is flagged to seal again', () => {
    const old = seal(k1, 'p', '密码');
    expect(open(k2, 'p', old)).toBe('密码');
    expect(sealedUnderOldKey(k2, old)).toBe(true);
    expect(sealedUnderOldKey(k2, seal(k2, 'p', '密码'))).toBe(false);
    expect(() => open({ current: k2.current }, 'p', old)).toThrow(SecretUnreadable);
  });

  it('reads keys as base64 or hex, 32 bytes only; a bad GUANXI_SECRET_KEY stops the start without echoing it', () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64url'))).toEqual(key);
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(randomBytes(16).toString('base64'))).toBeNull();
    expect(parseSecretKey('not a key')).toBeNull();
    expect(loadConfig({ GUANXI_SECRET_KEY: key.toString('hex') }).secretKey).toEqual(key);
    expect(loadConfig({}).secretKey).toBeUndefined();
    expect(() => loadConfig({ GUANXI_SECRET_KEY: 'too-short-secret' })).toThrow(ConfigError);
    const message = (() => { try { loadConfig({ GUANXI_SECRET_KEY_PREVIOUS: 'too-short-secret' }); return ''; } catch (e) { return (e as Error).message; } })();
    expect(message).toMatch(/^GUANXI_SECRET_KEY_PREVIOUS must be 32 bytes/);
    expect(message).not.toContain('too-short-secret');
  });

  it('the key file is created once with mode 0600 and read back unchanged', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gx-secret-'));
    try {
      const file = path.join(dir, 'data.secret-key');
      const first = keyFileKeys(file);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(keyFileKeys(file).current).toEqual(first.current);
      fs.writeFileSync(file, 'garbage');
      expect(() => keyFileKeys(file)).toThrow(/does not hold a 32-byte key/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
