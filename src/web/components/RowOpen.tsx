import type { ReactNode } from 'react';

/**
 * The keyboard way to do what clicking a table row does (open its editor): a real button in the
 * row's name cell, reached with Tab and pressed with Enter/Space. The row's own onClick stays as
 * a larger target for the mouse; this stops the click so the action runs once.
 */
export function RowOpen({ onOpen, children, testId }: { onOpen: () => void; children: ReactNode; testId?: string }) {
  return (
    <button type="button" className="gx-text-button gx-row-open" data-testid={testId}
      onClick={(e) => { e.stopPropagation(); onOpen(); }}>
      {children}
    </button>
  );
}
