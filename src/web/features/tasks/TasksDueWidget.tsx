import { Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { registerWidgetRenderer, type WidgetRendererProps } from '../home/registry.tsx';
import { ListWidget } from '../home/GenericWidgets.tsx';

/** tasks.due: the overdue and due-today counts above the list. */
function TasksDueWidget(props: WidgetRendererProps) {
  const { t } = useTranslation();
  const counts = props.data.kind === 'list' ? props.data.counts ?? {} : {};
  return (
    <>
      <Space size="large" style={{ marginBottom: 8 }}>
        <Statistic title={t('home.tags.overdue')} value={counts.overdue ?? 0} styles={{ content: { color: counts.overdue ? '#cf1322' : undefined } }} />
        <Statistic title={t('home.tags.today')} value={counts.today ?? 0} />
      </Space>
      <ListWidget {...props} />
    </>
  );
}

registerWidgetRenderer('tasks.due', TasksDueWidget);
