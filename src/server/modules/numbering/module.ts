import { defineModule } from '../../core/modules.ts';
import routes from './numbering.routes.ts';

// The admin API of document numbers; the service itself is core (core/numbering.ts), used by
// the record engine for objects declaring `numbering` and by any module directly.
export default defineModule({ name: 'numbering', dir: import.meta.dirname, routes });
