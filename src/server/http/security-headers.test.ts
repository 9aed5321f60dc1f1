import { describe, expect, it } from 'vitest';
import { useTestApp } from '../db/test-helpers.ts';

const t = useTestApp();

describe('security headers', () => {
  it('come with API answers, errors and the API docs, with a CSP that allows no inline or foreign script', async () => {
    for (const url of ['/api/v1/health', '/api/v1/contacts', '/api/docs/static/index.html', '/api/v1/nowhere']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBeLessThan(500);
      const csp = String(r.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(r.headers['referrer-policy']).toBe('same-origin');
    }
  });
});
