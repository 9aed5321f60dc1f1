import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import swagger from '@fastify/swagger';
import './context.ts';
import { useDeprecation } from './deprecation.ts';
import { finishOpenApiDocument } from './openapi-document.ts';

// No database here: the policy is about routes, headers and the document.
async function appWith(register: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify();
  useDeprecation(app);
  await app.register(swagger, { openapi: { info: { title: 't', version: '1' } }, transformObject: finishOpenApiDocument('/api/v1') });
  register(app);
  await app.ready();
  return app;
}

describe('deprecated routes (docs/api.md "Versioning")', () => {
  it('answer with Deprecation, Sunset and the successor, and are marked deprecated in the document', async () => {
    const app = await appWith((a) => {
      a.get('/api/v1/old-things', { schema: { deprecated: true }, config: { sunset: '2027-06-30', successor: '/api/v1/things' } }, async () => ({ data: [] }));
      a.get('/api/v1/things', async () => ({ data: [] }));
    });
    const old = await app.inject({ method: 'GET', url: '/api/v1/old-things' });
    expect(old.headers).toMatchObject({ deprecation: 'true', sunset: 'Wed, 30 Jun 2027 00:00:00 GMT', link: '</api/v1/things>; rel="successor-version"' });
    const current = await app.inject({ method: 'GET', url: '/api/v1/things' });
    expect(current.headers).not.toHaveProperty('sunset');
    expect(current.headers).not.toHaveProperty('deprecation');
    const doc = app.swagger() as { paths: Record<string, { get: { deprecated?: boolean; operationId: string } }> };
    expect(doc.paths['/api/v1/old-things']!.get).toMatchObject({ deprecated: true, operationId: 'listOldThings' });
    expect(doc.paths['/api/v1/things']!.get.deprecated).toBeUndefined();
    await app.close();
  });

  it('refuse to start without a Sunset date', async () => {
    await expect(appWith((a) => { a.get('/api/v1/old', { schema: { deprecated: true } }, async () => ({})); }))
      .rejects.toThrow(/deprecated: give it config.sunset/);
    await expect(appWith((a) => { a.get('/api/v1/old', { schema: { deprecated: true }, config: { sunset: 'soon' } }, async () => ({})); }))
      .rejects.toThrow(/config.sunset/);
  });
});
