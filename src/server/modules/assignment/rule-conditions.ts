export { conditionSql, validateCondition } from '../../records/conditions.ts';

// Who rules run as: the system (core/access.ts SYSTEM_ACTOR, shared with other rule engines).
export { SYSTEM_ACTOR } from '../../core/access.ts';
