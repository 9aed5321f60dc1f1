import { AppError } from '../../http/errors.ts';

// The refusals of the orders module: 409 `conflict` with a stable `reason` (the codebase's way
// of naming a state conflict), 400 `validation_failed` with a code per line for bad quantities.

export const notEditable = (status: string) =>
  new AppError('conflict', `The order is ${status}: only a draft order may change its lines, amounts or account`, { reason: 'order_not_editable', status });

export const wrongStatus = (action: string, status: string) =>
  new AppError('conflict', `An order that is ${status} cannot be ${action}`, { reason: 'order_status', action, status });
