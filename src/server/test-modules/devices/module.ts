import { defineModule } from '../../core/modules.ts';
import { devicesObject } from './devices.object.ts';

// The acceptance module of the platform (issue 11): one folder, loaded only by its own tests
// (useTestApp({ modules: [this folder] })) or GUANXI_MODULES, never by the built-in discovery.
export default defineModule({ name: 'devices', dir: import.meta.dirname, objects: [devicesObject] });
