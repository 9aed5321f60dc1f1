import type { Row } from '../../records/types.ts';

// A revision is created through the record engine (createRecordIn: validation, hooks, audit,
// search, timeline) but its number, version and chain are not client input: the revise action
// puts them here for its transaction, and the quote's beforeWrite takes them (quotes.object.ts).
const pending = new WeakMap<object, Row>();

export function withRevision<T>(trx: object, columns: Row, run: () => Promise<T>): Promise<T> {
  pending.set(trx, columns);
  return run().finally(() => pending.delete(trx));
}

export function revisionColumns(trx: object): Row | undefined {
  return pending.get(trx);
}
