import type { FieldOption } from '../../shared/fields.ts';

/** Option lists shared by several objects (labels come from the web app's i18n). */
export const opts = (...values: string[]): FieldOption[] => values.map((value) => ({ value }));

export const CUSTOMER_TYPE = opts('prospect', 'customer', 'partner', 'distributor', 'supplier', 'competitor', 'other');
export const TIER = opts('standard', 'silver', 'gold', 'platinum', 'vip');
export const LIFECYCLE = opts('lead', 'prospect', 'active', 'loyal', 'at_risk', 'churned', 'inactive');
export const SOURCE = opts('web', 'referral', 'event', 'phone', 'email', 'partner', 'advertising', 'walk_in', 'social', 'import', 'other');
export const PAYMENT_STANDING = opts('good', 'watch', 'late', 'blocked');
/** What confirming an order over the account's credit does: warn and confirm, or hold it for a manager. */
export const CREDIT_POLICY = opts('warn', 'hold');
export const ADDRESS_FIELDS = ['country', 'province', 'city', 'district', 'street', 'postal_code'] as const;
