import { Button, Card, Dropdown, Typography } from 'antd';
import { HolderOutlined, MoreOutlined } from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { ApiRecord, FieldMeta } from '../../api/types.ts';
import { FieldValue } from '../../fields/FieldValue.tsx';

interface Props {
  object: string;
  record: ApiRecord;
  titleField: string;
  /** A few fields shown under the title (the list's first columns). */
  details: FieldMeta[];
  /** The other columns, for the move menu. */
  targets: { value: string; label: string }[];
  canMove: boolean;
  /** Shown on the card under its title (a "rotting" tag). */
  flag?: React.ReactNode;
  onOpen: (id: number) => void;
  /** The move menu: to the end of another column (phones, and anyone not dragging). */
  onMoveTo: (id: number, to: string) => void;
}

/**
 * One card: draggable with the pointer, by touch (press and hold) anywhere on it, and by keyboard
 * from its handle (space, arrows, space). The handle, not the card, is the keyboard's drag
 * button: a card that is a button may not hold the title link and the move menu (nested
 * controls), and its name would not match its visible text.
 */
export function BoardCard({ object, record, titleField, details, targets, canMove, flag, onOpen, onMoveTo }: Props) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: record.id, disabled: !canMove });
  const title = String(record[titleField] ?? `#${record.id}`);
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.5 : 1 }}
      className="gx-board-card"
      data-testid={`board-card-${record.id}`}
      {...listeners}
    >
      <Card size="small" hoverable>
        <div className="gx-board-card-head">
          {canMove ? (
            <span ref={setActivatorNodeRef} className="gx-board-card-handle" data-testid={`board-card-handle-${record.id}`} {...attributes} aria-label={t('board.dragHandle', { title })}>
              <HolderOutlined />
            </span>
          ) : null}
          <Typography.Link className="gx-board-card-title" href={`/${object}/${record.id}`} onClick={(e) => { e.preventDefault(); onOpen(record.id); }} onPointerDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
            {title}
          </Typography.Link>
          {canMove ? (
            <Dropdown
              trigger={['click']}
              menu={{
                items: targets.map((o) => ({ key: o.value, label: t('board.moveTo', { stage: o.label }) })),
                onClick: ({ key }) => onMoveTo(record.id, key),
              }}
            >
              <Button
                size="small"
                type="text"
                icon={<MoreOutlined />}
                aria-label={t('board.moveMenu', { title })}
                data-testid={`board-card-menu-${record.id}`}
                onPointerDown={(e) => e.stopPropagation()}
                onKeyDown={(e) => e.stopPropagation()}
              />
            </Dropdown>
          ) : null}
        </div>
        {flag}
        {details.map((f) => (
          <div key={f.key} className="gx-board-card-line"><FieldValue object={object} field={f} record={record} compact /></div>
        ))}
      </Card>
    </div>
  );
}
