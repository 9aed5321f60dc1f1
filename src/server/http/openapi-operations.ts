// Every operation of the OpenAPI document gets an operationId derived from its method and path
// alone, so a route added by any module has one without anyone writing it, and it never changes
// while the route stays (generated clients name their functions after it). A route may still
// set `schema.operationId` itself; that one wins. The rules (docs/api.md "Operation ids"):
//
// - the nouns are the path's fixed segments in PascalCase (`exchange-rates` → ExchangeRates);
//   a segment followed by a parameter names one item, so it is made singular (an object's own
//   `singular`, else plain English rules); parameters themselves add nothing;
// - the verb: GET → `list` when the path ends in a plural segment, else `get`; PATCH → `update`;
//   PUT → `set`; DELETE → `delete`; POST → `create` (singular) when the path ends in a plural
//   segment, else the last segment is the action (`/quotes/{id}/send` → sendQuote), and a POST
//   ending in a parameter is `post`;
// - the standard record surface of an object (records/routes.ts) has fixed names: listAccounts,
//   createAccount, getAccount, updateAccount, deleteAccount, queryAccounts, countAccounts,
//   sumAccounts, exportAccounts, bulkAccounts, explainAccountsConditionSql.

const pascal = (segment: string) =>
  segment.split(/[-_.\s]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Words that end in "s" but name one thing. */
const NOT_PLURAL = new Set(['settings', 'status', 'news', 'analytics', 'bus', 'alias', 'canvas', 'access']);

function isPlural(segment: string): boolean {
  const last = segment.split(/[-_]/).pop()!.toLowerCase();
  if (NOT_PLURAL.has(segment) || NOT_PLURAL.has(last) || last.includes('.')) return false;
  return last.endsWith('s') && !/(ss|us|is)$/.test(last);
}

/** Plain English: activities → activity, mailboxes → mailbox, addresses → address, rates → rate. */
export function singularOf(segment: string): string {
  if (!isPlural(segment)) return segment;
  if (segment.endsWith('ies')) return segment.slice(0, -3) + 'y';
  if (/(ss|x|z|ch|sh)es$/.test(segment)) return segment.slice(0, -2);
  return segment.slice(0, -1);
}

const isParam = (segment: string) => /^[{:]/.test(segment);

/** What a record object's path segment names: its plural (the name) and its singular. */
export type ObjectNames = (segment: string) => { plural: string; singular: string } | undefined;

const RECORD_SURFACE: Record<string, (p: string, s: string) => string> = {
  'GET ': (p) => `list${p}`,
  'POST ': (_p, s) => `create${s}`,
  'GET /{}': (_p, s) => `get${s}`,
  'PATCH /{}': (_p, s) => `update${s}`,
  'DELETE /{}': (_p, s) => `delete${s}`,
  'POST /query': (p) => `query${p}`,
  'GET /count': (p) => `count${p}`,
  'GET /totals': (p) => `sum${p}`,
  'GET /export': (p) => `export${p}`,
  'POST /bulk': (p) => `bulk${p}`,
  'POST /conditions/sql': (p) => `explain${p}ConditionSql`,
};

/**
 * The operationId of `method path` (`path` without the API prefix, parameters as `{id}` or `:id`).
 * `objects` names the registered record objects (their singular comes from their definition).
 */
export function operationIdOf(method: string, path: string, objects: ObjectNames): string {
  const segments = path.split('/').filter(Boolean);
  const verb = method.toUpperCase();
  const first = segments[0] ? objects(segments[0]) : undefined;
  if (first) {
    const rest = segments.slice(1).map((s) => (isParam(s) ? '{}' : s)).join('/');
    const named = RECORD_SURFACE[`${verb} ${rest ? `/${rest}` : ''}`];
    if (named) return named(pascal(first.plural), pascal(first.singular));
  }
  const noun = (s: string, i: number) => {
    const one = i + 1 < segments.length && isParam(segments[i + 1]!);
    return pascal(one ? (objects(s)?.singular ?? singularOf(s)) : s);
  };
  const nouns = segments.map((s, i) => (isParam(s) ? '' : noun(s, i)));
  const last = segments[segments.length - 1] ?? '';
  const endsStatic = last !== '' && !isParam(last);
  const all = nouns.join('');
  switch (verb) {
    case 'GET': return endsStatic && isPlural(last) ? `list${all}` : `get${all}`;
    case 'PATCH': return `update${all}`;
    case 'PUT': return `set${all}`;
    case 'DELETE': return `delete${all}`;
    case 'POST': {
      if (!endsStatic) return `post${all}`;
      if (isPlural(last)) return `create${nouns.slice(0, -1).join('')}${pascal(objects(last)?.singular ?? singularOf(last))}`;
      return `${camel(pascal(last))}${nouns.slice(0, -1).join('')}`;
    }
    default: return `${verb.toLowerCase()}${all}`;
  }
}

/** A readable summary from an operationId: listAccountTimelines → "List account timelines". */
export function summaryOf(operationId: string): string {
  const words = operationId.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
