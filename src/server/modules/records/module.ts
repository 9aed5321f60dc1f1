import { defineModule } from '../../core/modules.ts';
import routes from './meta.routes.ts';

export default defineModule({ name: 'records', dir: import.meta.dirname, routes });
