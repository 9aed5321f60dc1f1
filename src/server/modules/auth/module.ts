import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../core/modules.ts';
import authRoutes from './auth.routes.ts';
import setupRoutes from './setup.routes.ts';
import passwordResetRoutes from './password-reset.routes.ts';

export default defineModule({
  name: 'auth',
  dir: import.meta.dirname,
  routes: async (app: FastifyInstance) => {
    await app.register(authRoutes);
    await app.register(setupRoutes);
    await app.register(passwordResetRoutes);
  },
});
