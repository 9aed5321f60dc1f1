// Where a dropped card lands (pure, so it is tested without a browser): the board's columns as
// card ids in order, the card dragged and what it was dropped on (a card, or a column's own
// area `col:<stage>`). Answers the columns after the drop and the move the server is sent,
// or null when nothing moves.

export type Columns = Record<string, number[]>;

export interface Drop {
  to: string;
  columns: Columns;
  after_id?: number;
  before_id?: number;
}

export const columnId = (stage: string) => `col:${stage}`;

function columnOf(columns: Columns, id: number): string | undefined {
  return Object.keys(columns).find((k) => columns[k]!.includes(id));
}

export function planDrop(columns: Columns, card: number, over: string | number): Drop | null {
  const from = columnOf(columns, card);
  if (from === undefined) return null;
  const to = typeof over === 'string' ? (over.startsWith('col:') ? over.slice(4) : undefined) : columnOf(columns, over);
  if (to === undefined || !(to in columns)) return null;
  const source = columns[from]!.filter((id) => id !== card);
  const target = from === to ? source : [...columns[to]!];
  let index: number;
  if (typeof over === 'string') index = target.length;
  else if (from === to) {
    // Sortable semantics: the card takes the place of the card it is dropped on.
    const oldIndex = columns[from]!.indexOf(card);
    const overIndex = columns[from]!.indexOf(over);
    if (oldIndex === overIndex) return null;
    index = overIndex;
  } else index = target.indexOf(over);
  const placed = [...target.slice(0, index), card, ...target.slice(index)];
  const next: Columns = { ...columns, [from]: source, [to]: placed };
  const after = placed[index - 1];
  const before = placed[index + 1];
  if (from === to && columns[from]!.join() === placed.join()) return null;
  return { to, columns: next, ...(after !== undefined ? { after_id: after } : {}), ...(before !== undefined ? { before_id: before } : {}) };
}

/** The same card moved to the end of another column (the card's move menu). */
export function planMenuMove(columns: Columns, card: number, to: string): Drop | null {
  return planDrop(columns, card, columnId(to));
}
