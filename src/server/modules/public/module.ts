import { defineModule } from '../../core/modules.ts';
import routes from './forms.routes.ts';
import pages from './forms.pages.ts';
import './forms.retention.ts';

// Public endpoints (issue 12, piece 7): the platform any module uses to answer without a login
// (public.platform.ts: rate limit per address, CORS allow-list, honeypot, body limit; signed
// links in core/signed-tokens.ts), and its first user, web forms that create contacts and
// callback tasks. The mail module's unsubscribe link and tracking pixel are built on it too.
export default defineModule({
  name: 'public',
  dir: import.meta.dirname,
  routes,
  pages,
  references: [
    { object: 'contacts', ref: { table: 'public_form_submissions', column: 'contact_id' } },
    { object: 'accounts', ref: { table: 'public_form_submissions', column: 'account_id' } },
  ],
});
