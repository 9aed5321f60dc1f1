import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { bootstrap } from '../../core/bootstrap.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';

let database: Database;
let app: FastifyInstance;
const schema = process.env.DATABASE_URL ? `t_${randomBytes(6).toString('hex')}` : undefined;
beforeAll(async () => {
  database = await connect({ databaseUrl: process.env.DATABASE_URL, schema });
  await migrate(database);
  await bootstrap(database.db, {});
  app = await buildApp(database, { ...loadConfig({}), webDir: '/nonexistent' });
});
afterAll(async () => {
  await app.close();
  if (schema) await database.session((exec) => exec(`DROP SCHEMA "${schema}" CASCADE`));
  await database.close();
});

describe('first-run setup on an empty database', () => {
  it('creates exactly one first administrator', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json().data.needed).toBe(true);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { email: 'nope', name: '', password: 'short' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: any) => d.field).sort()).toEqual(['email', 'name', 'password']);
    const [a, b] = await Promise.all([
      app.inject({ method: 'POST', url: '/api/v1/setup', payload: { email: 'first@example.com', name: '管理员', password: 'password-123' } }),
      app.inject({ method: 'POST', url: '/api/v1/setup', payload: { email: 'second@example.com', name: 'Other', password: 'password-123' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: a.statusCode === 201 ? 'first@example.com' : 'second@example.com', password: 'password-123' } });
    expect(login.json().data.user.role).toBe('admin');
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json().data.needed).toBe(false);
  });
});
