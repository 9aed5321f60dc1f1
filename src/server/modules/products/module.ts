import { defineModule } from '../../core/modules.ts';
import { productsObject } from './products.object.ts';
import { productsDemo } from './demo.ts';

// The product catalogue: one record object (quote lines pick from it: records/line-items.ts).
export default defineModule({ name: 'products', dir: import.meta.dirname, objects: [productsObject], demo: productsDemo });
