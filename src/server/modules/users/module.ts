import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../core/modules.ts';
import usersRoutes from './users.routes.ts';
import rolesRoutes from './roles.routes.ts';
import apiKeysRoutes from './api-keys.routes.ts';

export default defineModule({
  name: 'users',
  dir: import.meta.dirname,
  routes: async (app: FastifyInstance) => {
    await app.register(usersRoutes);
    await app.register(rolesRoutes);
    await app.register(apiKeysRoutes);
  },
});
