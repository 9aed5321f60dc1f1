import { Alert, Card, Col, Row, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { HomePage as HomeAnswer, HomeWidget } from '../../../shared/contracts/home.ts';
import { rendererFor } from './registry.tsx';
// Modules' web parts registering renderers for their widgets.
import '../tasks/TasksDueWidget.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

// Two columns from tablet width up (cards of mixed sizes in three columns left holes in rows),
// one on a phone; a large widget takes the whole row.
const SPAN: Record<HomeWidget['size'], { xs: number; md: number }> = {
  small: { xs: 24, md: 12 },
  medium: { xs: 24, md: 12 },
  large: { xs: 24, md: 24 },
};

function WidgetCard({ widget }: { widget: HomeWidget }) {
  const { t, i18n } = useTranslation();
  const title = widget.labels[i18n.language as keyof HomeWidget['labels']] ?? widget.labels.en;
  const Render = widget.data ? rendererFor(widget, widget.data) : null;
  return (
    <Card title={title} size="small" className="gx-widget" data-widget={widget.key}>
      {widget.error || !Render || !widget.data
        ? <Alert type="warning" showIcon message={t('home.widgetError')} />
        : <Render widget={widget} data={widget.data} />}
    </Card>
  );
}

/** `/`: the widgets of the signed-in user's role, one request, each card failing alone. */
export function HomePage() {
  const { t } = useTranslation();
  const home = useQuery({ queryKey: ['home'], queryFn: () => api.get<HomeAnswer>('/home'), refetchInterval: 60_000 });
  return (
    <div className="gx-home">
      <PageTitle style={{ fontSize: 22, marginBottom: 12 }}>{t('home.title')}</PageTitle>
      {home.isPending ? <Skeleton active /> : home.isError ? <Alert type="error" showIcon message={t('home.loadError')} /> : (
        <Row gutter={[16, 16]}>
          {home.data.widgets.map((w) => (
            <Col key={w.key} {...SPAN[w.size]}><WidgetCard widget={w} /></Col>
          ))}
        </Row>
      )}
    </div>
  );
}
