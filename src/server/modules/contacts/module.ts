import { defineModule } from '../../core/modules.ts';
import { contactsObject } from './contacts.object.ts';
import routes from './contacts.routes.ts';

export default defineModule({ name: 'contacts', dir: import.meta.dirname, objects: [contactsObject], routes });
