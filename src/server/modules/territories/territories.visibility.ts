import { sql } from 'kysely';
import { registerVisibilityExtension } from '../../core/access.ts';

/**
 * A territory's managers — its `manager_id`, and members with the role `manager` — see the
 * accounts of the territory and of every territory below it, beside what their role's own/team
 * visibility shows them; only active territories grant it. Registered for every read path
 * (core/access.ts recordVisibility). The territories a user manages are few: the subquery is
 * read once, and the accounts are found through accounts_territory_idx.
 */
export function registerTerritoryVisibility(): void {
  registerVisibilityExtension('accounts', 'territories', (actor, alias, num) => sql<boolean>`${sql.ref(`${alias}.territory_id`)} IN (
    SELECT c.descendant_id FROM territory_closure c JOIN territories t ON t.id = c.ancestor_id
     WHERE t.active AND (t.manager_id = ${num(actor.id)}
        OR EXISTS (SELECT 1 FROM territory_members m WHERE m.territory_id = t.id AND m.user_id = ${num(actor.id)} AND m.role = 'manager')))`);
}
