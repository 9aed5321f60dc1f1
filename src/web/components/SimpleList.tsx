import type { ReactNode } from 'react';

/** A plain list of rows (antd's List is deprecated in v6; these lists are short). */
export function SimpleList<T>({ items, rowKey, render, testId }: { items: T[]; rowKey: (item: T) => string | number; render: (item: T) => ReactNode; testId?: string }) {
  return (
    <div className="gx-list" data-testid={testId}>
      {items.map((it) => (
        <div className="gx-list-row" key={rowKey(it)}>{render(it)}</div>
      ))}
    </div>
  );
}
