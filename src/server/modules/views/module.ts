import { defineModule } from '../../core/modules.ts';
import routes from './views.routes.ts';

export default defineModule({ name: 'views', dir: import.meta.dirname, routes });
