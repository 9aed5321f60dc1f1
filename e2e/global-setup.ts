import type { TestProject } from 'vitest/node';
import { ensureWebBuild, freshDatabase, startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    adminEmail: string;
    adminPassword: string;
  }
}

const ADMIN_EMAIL = 'admin@e2e.guanxi';
const ADMIN_PASSWORD = 'e2e-admin-password';

/** One real server for the whole run, on a fresh database, stopped at the end. */
export default async function setup(project: TestProject) {
  ensureWebBuild();
  const db = await freshDatabase();
  const server = await startServer({ adminEmail: ADMIN_EMAIL, adminPassword: ADMIN_PASSWORD, databaseUrl: db?.url });
  project.provide('baseURL', server.url);
  project.provide('adminEmail', ADMIN_EMAIL);
  project.provide('adminPassword', ADMIN_PASSWORD);
  return async () => {
    await server.stop();
    await db?.drop();
  };
}
