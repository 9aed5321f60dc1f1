import { defineModule } from '../../core/modules.ts';
import routes from './custom-fields.routes.ts';

export default defineModule({ name: 'custom-fields', dir: import.meta.dirname, routes });
