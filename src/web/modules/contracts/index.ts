import { registerErrorMessages, registerRecordExtension } from '../../extensions/registry.ts';
import { PlanPanel } from './PlanPanel.tsx';

// Contracts' web part: the receivable plan panel on the contract page. The contract's list,
// form and page come from its descriptor.
registerRecordExtension('contracts', { Panels: PlanPanel });
registerErrorMessages('contracts.errors');
