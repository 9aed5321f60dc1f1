import { useCallback, useMemo, useState } from 'react';
import { App, Skeleton } from 'antd';
import {
  DndContext, KeyboardSensor, MouseSensor, TouchSensor, closestCorners, useSensor, useSensors,
  type Announcements, type DragEndEvent, type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { useBoard, useMoveCard } from '../../api/board.ts';
import type { Query } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { ApiRecord, FieldMeta } from '../../api/types.ts';
import { optionLabel } from '../../fields/labels.ts';
import { BoardCard } from './BoardCard.tsx';
import { BoardColumn } from './BoardColumn.tsx';
import { planDrop, planMenuMove, type Columns, type Drop } from './order.ts';

interface Props {
  object: string;
  /** The board's stage field (from the descriptor's `board`). */
  field: FieldMeta;
  titleField: string;
  details: FieldMeta[];
  /** The list's filters and search, as query parameters. */
  params: Query;
  canMove: boolean;
  onOpen: (id: number) => void;
}

/**
 * The kanban board of any object whose descriptor has `board`: a column per stage with its count,
 * cards dragged between and within columns (pointer, touch, keyboard), each move one request
 * (POST /{object}/{id}/move) shown at once and put back if the server refuses it.
 */
export function KanbanBoard({ object, field, titleField, details, params, canMove, onOpen }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const board = useBoard(object, field.key, params);
  const move = useMoveCard(object);
  const [loaded, setLoaded] = useState<Record<string, ApiRecord[]>>({});
  const [pending, setPending] = useState<Columns | null>(null);
  const onCards = useCallback((stage: string, cards: ApiRecord[]) => setLoaded((l) => ({ ...l, [stage]: cards })), []);
  const stages = useMemo(() => (field.options ?? []).map((o) => o.value), [field.options]);
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
  const label = (stage: string) => optionLabel(t, object, field, stage);
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
    move.mutate(
      { id, field: field.key, to: plan.to, after_id: plan.after_id, before_id: plan.before_id },
      {
        onError: (e) => message.error(errorText(t, e)),
        // The refetched columns replace the optimistic order (or put a refused card back).
        onSettled: () => setTimeout(() => setPending(null), 0),
      },
    );
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) send(Number(active.id), planDrop(columns, Number(active.id), over.id));
  };

  if (board.isLoading) return <Skeleton active />;
  const counts = new Map((board.data?.columns ?? []).map((c) => [c.value, c]));
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.a11y.instructions') } }}
    >
      <div className="gx-board" data-testid="kanban-board">
        {stages.map((stage) => (
          <BoardColumn
            key={stage}
            object={object}
            field={field.key}
            stage={stage}
            label={label(stage)}
            count={counts.get(stage)?.count ?? 0}
            sum={counts.get(stage)?.sum}
            params={params}
            ids={columns[stage] ?? []}
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
                  stageField={field}
                  stage={stage}
                  canMove={canMove}
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
