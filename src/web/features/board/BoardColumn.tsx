import { useEffect } from 'react';
import { Badge, Button, Typography } from 'antd';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { useBoardCards, type CardsSource } from '../../api/board.ts';
import type { ApiRecord } from '../../api/types.ts';
import { columnId } from './order.ts';

interface Props {
  /** Where its cards come from (cards.value is the column's key). */
  cards: CardsSource;
  label: string;
  count: number;
  /** Totals shown beside the count (a sum; a weighted sum). */
  sum?: React.ReactNode;
  /** The ids shown, in order (the server's, or the board's optimistic order while a move is in flight). */
  ids: number[];
  /** Tells the board which cards this column has loaded. */
  onCards: (stage: string, cards: ApiRecord[]) => void;
  renderCard: (id: number) => React.ReactNode;
}

/** A column: its stage, count, cards in board order (more on demand), and a drop area for an empty column. */
export function BoardColumn({ cards: src, label, count, sum, ids, onCards, renderCard }: Props) {
  const { t } = useTranslation();
  const stage = src.value;
  const cards = useBoardCards(src);
  const { setNodeRef, isOver } = useDroppable({ id: columnId(stage) });
  const loaded = cards.data?.pages;
  useEffect(() => {
    onCards(stage, loaded?.flatMap((p) => p.data) ?? []);
  }, [loaded, stage, onCards]);
  return (
    <section className={`gx-board-column${isOver ? ' gx-board-over' : ''}`} aria-label={label} data-testid={`board-column-${stage}`}>
      <header className="gx-board-column-head">
        <Typography.Text strong>{label}</Typography.Text>
        <Badge count={count} showZero overflowCount={9999} color="#595959" data-testid={`board-count-${stage}`} />
        {sum !== undefined && sum !== null ? <Typography.Text type="secondary" data-testid={`board-sum-${stage}`}>{sum}</Typography.Text> : null}
      </header>
      <SortableContext id={columnId(stage)} items={ids} strategy={verticalListSortingStrategy}>
        <div ref={setNodeRef} className="gx-board-cards">
          {ids.map((id) => renderCard(id))}
          {!ids.length && !cards.isLoading ? <Typography.Text type="secondary" className="gx-board-empty">{t('board.empty')}</Typography.Text> : null}
        </div>
      </SortableContext>
      {cards.hasNextPage ? (
        <Button block type="link" loading={cards.isFetchingNextPage} onClick={() => void cards.fetchNextPage()}>{t('board.more')}</Button>
      ) : null}
    </section>
  );
}
