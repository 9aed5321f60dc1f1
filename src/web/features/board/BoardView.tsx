import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import {
  DndContext, KeyboardSensor, MouseSensor, TouchSensor, closestCorners, useSensor, useSensors,
  type Announcements, type DragEndEvent, type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import type { CardsSource } from '../../api/board.ts';
import type { ApiRecord, FieldMeta } from '../../api/types.ts';
import { BoardCard } from './BoardCard.tsx';
import { BoardColumn } from './BoardColumn.tsx';
import { planDrop, planMenuMove, type Columns, type Drop } from './order.ts';

/** One column as the board shows it: its key, label, count, totals and where its cards come from. */
export interface ColumnView {
  value: string;
  label: string;
  count: number;
  sum?: ReactNode;
  cards: CardsSource;
}

interface Props {
  object: string;
  /** The columns in order; undefined while loading. */
  columns: ColumnView[] | undefined;
  titleField: string;
  details: FieldMeta[];
  canMove: boolean;
  onOpen: (id: number) => void;
  /** Sends a move (one request); settles when the server answered, whatever it answered. */
  onMove: (id: number, plan: Drop) => Promise<unknown>;
  /** Something shown on a card (a rotting flag). */
  cardFlag?: (record: ApiRecord) => ReactNode;
}

/**
 * A kanban board over any columns (a select field's options, a pipeline's stages): cards dragged
 * between and within columns (pointer, touch, keyboard), each move one request shown at once and
 * put back when the server refuses it.
 */
export function BoardView({ object, columns: cols, titleField, details, canMove, onOpen, onMove, cardFlag }: Props) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Record<string, ApiRecord[]>>({});
  const [pending, setPending] = useState<Columns | null>(null);
  const onCards = useCallback((stage: string, cards: ApiRecord[]) => setLoaded((l) => ({ ...l, [stage]: cards })), []);
  const stages = useMemo(() => (cols ?? []).map((c) => c.value), [cols]);
  const labels = useMemo(() => new Map((cols ?? []).map((c) => [c.value, c.label])), [cols]);
  const byId = useMemo(() => new Map(Object.values(loaded).flat().map((r) => [r.id, r])), [loaded]);
  const columns: Columns = useMemo(
    () => pending ?? Object.fromEntries(stages.map((s) => [s, (loaded[s] ?? []).map((r) => r.id)])),
    [pending, loaded, stages],
  );
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // Touch: press and hold to drag, so a swipe still scrolls the columns.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const label = (stage: string) => labels.get(stage) ?? stage;
  const titleOf = (id: UniqueIdentifier) => String(byId.get(Number(id))?.[titleField] ?? id);
  const stageOf = (id: UniqueIdentifier | undefined) => {
    if (id === undefined) return '';
    if (typeof id === 'string' && id.startsWith('col:')) return label(id.slice(4));
    const s = Object.keys(columns).find((k) => columns[k]!.includes(Number(id)));
    return s ? label(s) : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('board.a11y.picked', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('board.a11y.over', { title: titleOf(active.id), stage: stageOf(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('board.a11y.dropped', { title: titleOf(active.id), stage: stageOf(over.id) }) : t('board.a11y.cancelled')),
    onDragCancel: () => t('board.a11y.cancelled'),
  };

  const send = (id: number, plan: Drop | null) => {
    if (!plan) return;
    setPending(plan.columns);
    // The refetched columns replace the optimistic order (or put a refused card back).
    void onMove(id, plan).finally(() => setTimeout(() => setPending(null), 0));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) send(Number(active.id), planDrop(columns, Number(active.id), over.id));
  };

  if (!cols) return <Skeleton active />;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.a11y.instructions') } }}
    >
      {/* A scrolling region: focusable so keyboard users can scroll it sideways. */}
      <div className="gx-board" data-testid="kanban-board" tabIndex={0} role="region" aria-label={t('board.board')}>
        {cols.map((c) => (
          <BoardColumn
            key={c.value}
            cards={c.cards}
            label={c.label}
            count={c.count}
            sum={c.sum}
            ids={columns[c.value] ?? []}
            onCards={onCards}
            renderCard={(id) => {
              const record = byId.get(id);
              return record ? (
                <BoardCard
                  key={id}
                  object={object}
                  record={record}
                  titleField={titleField}
                  details={details}
                  targets={cols.filter((o) => o.value !== c.value).map((o) => ({ value: o.value, label: o.label }))}
                  canMove={canMove}
                  flag={cardFlag?.(record)}
                  onOpen={onOpen}
                  onMoveTo={(cardId, to) => send(cardId, planMenuMove(columns, cardId, to))}
                />
              ) : null;
            }}
          />
        ))}
      </div>
    </DndContext>
  );
}
