import { defineModule } from '../../core/modules.ts';
import { invalid } from '../../http/errors.ts';

// Widgets for the home page tests: one that fails unexpectedly, one that refuses, one for
// administrators only, and one for a predicate on the actor (users named "Probe…").
const labels = { en: 'Probe', 'zh-CN': '探针', 'zh-TW': '探針' };
export default defineModule({
  name: 'widgets-probe',
  dir: import.meta.dirname,
  widgets: [
    { key: 'probe.crash', labels, audience: 'everyone', size: 'small', order: 1, load: async () => { throw new Error('connection string postgres://secret'); } },
    { key: 'probe.refuse', labels, audience: 'everyone', size: 'small', order: 2, load: async () => { throw invalid([], 'Not today'); } },
    { key: 'probe.admins', labels, audience: 'admins', size: 'small', order: 3, load: async () => ({ kind: 'counts', rows: [{ label: 'x', value: 1 }] }) },
    { key: 'probe.named', labels, audience: (actor) => actor.name.startsWith('Probe'), size: 'small', order: 4, load: async () => ({ kind: 'list', items: [] }) },
  ],
});
