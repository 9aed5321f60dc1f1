import { DEFAULT_ROLES, type Actor } from '../../core/access.ts';

export { conditionSql, validateCondition } from '../../records/conditions.ts';

/**
 * Who rules run as: the system, an administrator without field rules, seeing every record and
 * field (a related condition counts every related record). A rule is a stored decision of an
 * administrator, checked against that administrator's own rights when saved (validateCondition
 * with their actor: they may name only fields and objects they can read); when it runs no user
 * is asking, so the record's creator's rights must not change which rule matches.
 */
export const SYSTEM_ACTOR: Actor = { id: 0, email: '', name: 'system', role: 'admin', team_id: null, locale: 'en', permissions: DEFAULT_ROLES.admin!.permissions };
