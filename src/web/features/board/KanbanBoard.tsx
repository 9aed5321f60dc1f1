import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldCards, useBoard, useMoveCard } from '../../api/board.ts';
import type { Query } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import type { FieldMeta } from '../../api/types.ts';
import { optionLabel } from '../../fields/labels.ts';
import { BoardView } from './BoardView.tsx';

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
 * The kanban board of any object whose descriptor has `board`: a column per option of its stage
 * field with its count (GET /{object}/board), moves through POST /{object}/{id}/move.
 */
export function KanbanBoard({ object, field, titleField, details, params, canMove, onOpen }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const board = useBoard(object, field.key, params);
  const move = useMoveCard(object);
  const counts = new Map((board.data?.columns ?? []).map((c) => [c.value, c]));
  const columns = board.isLoading ? undefined : (field.options ?? []).map((o) => ({
    value: o.value,
    label: optionLabel(t, object, field, o.value),
    count: counts.get(o.value)?.count ?? 0,
    sum: counts.get(o.value)?.sum,
    cards: fieldCards(object, field.key, o.value, params),
  }));
  return (
    <BoardView
      object={object}
      columns={columns}
      titleField={titleField}
      details={details}
      canMove={canMove}
      onOpen={onOpen}
      onMove={(id, plan) => move.mutateAsync({ id, field: field.key, to: plan.to, after_id: plan.after_id, before_id: plan.before_id })
        .catch((e: unknown) => { message.error(errorText(t, e)); })}
    />
  );
}
