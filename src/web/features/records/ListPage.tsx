import { useCallback, useMemo, useState } from 'react';
import { useShortcut } from '../../lib/shortcuts.ts';
import { App, Button, Dropdown, Segmented, Skeleton, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, ProjectOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, download } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useMeta } from '../../api/hooks.ts';
import { useObject } from '../../api/objects.ts';
import { invalidateRecords, keys } from '../../api/keys.ts';
import { useRecordCount, useRecordList } from '../../api/records.ts';
import { MoneyTotals } from './MoneyTotals.tsx';
import type { ApiRecord, Filter, Page, SavedView } from '../../api/types.ts';
import { fieldLabel, objectLabel } from '../../fields/labels.ts';
import { formatCount } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { useIsPhone } from '../../lib/useIsPhone.ts';
import { BulkActions } from './BulkActions.tsx';
import { SelectAllMatching } from './SelectAllMatching.tsx';
import { ListEmpty, Pager, revealAddedColumn, useListColumns } from './ListParts.tsx';
import { ColumnChooser } from './ColumnChooser.tsx';
import { FilterBar } from './FilterBar.tsx';
import { filterParams } from './filters.ts';
import { urlFilters } from '../../lib/drill.ts';
import { RecordFormDrawer } from './RecordFormDrawer.tsx';
import { ViewTabs, type ViewTab } from './ViewTabs.tsx';
import { KanbanBoard } from '../board/KanbanBoard.tsx';
import { AdvancedFilter } from './AdvancedFilter.tsx';
import { MATCH_ALL, type ConditionGroup } from '../../../shared/contracts/conditions.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

/** A view stores no tree when its advanced filter is empty. */
const viewTree = (tree: ConditionGroup) => (tree.conditions.length ? tree : null);

type Density = 'small' | 'middle' | 'large';
interface ListState {
  filters: Filter[];
  /** The advanced filter's condition tree (saved with the view beside the flat filters). */
  tree: ConditionGroup;
  sort: string | null;
  columns: string[];
  density: Density;
}

function sameState(a: ListState, b: ListState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The list of any record object, built from its descriptor and fields: views, filters, columns, bulk actions. */
export function ListPage({ object }: { object: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const meta = useMeta(object);
  const descriptor = useObject(object);
  const [params, setParams] = useSearchParams();
  const fields = useMemo(() => meta.data?.fields ?? [], [meta.data]);
  const titleField = meta.data?.title_field ?? descriptor?.title_field ?? 'name';
  const defaultSort = meta.data?.default_sort ?? descriptor?.default_sort ?? '-created_at';
  const objects = objectLabel(t, object, true);
  // Until the metadata arrives, assume the usual owner field so the tabs do not jump.
  const hasOwner = meta.data ? fields.some((f) => f.key === 'owner_id') : true;

  const views = useQuery({
    queryKey: keys.views(object),
    queryFn: async () => (await api.get<Page<SavedView>>('/views', { object })).data,
    staleTime: 60_000,
  });

  const tabs: ViewTab[] = useMemo(() => {
    const list: ViewTab[] = [{ key: 'all', name: t('views.all') }];
    if (hasOwner) list.push({ key: 'mine', name: t('views.mine', { objects: objects.toLowerCase() }) });
    for (const v of views.data ?? []) list.push({ key: String(v.id), name: v.name, view: v });
    return list;
  }, [views.data, hasOwner, t, objects]);

  const viewKey = params.get('view') ?? 'all';
  const activeTab = tabs.find((x) => x.key === viewKey) ?? tabs[0]!;
  const defaultColumns = useMemo(() => {
    const wanted = descriptor?.list_columns ?? [titleField];
    const present = wanted.filter((k) => fields.some((f) => f.key === k));
    return present.length ? present : fields.slice(0, 6).map((f) => f.key);
  }, [descriptor, fields, titleField]);

  const base: ListState = useMemo(() => {
    const v = activeTab.view;
    if (v) return { filters: v.filters ?? [], tree: v.conditions ?? MATCH_ALL, sort: v.sort ?? null, columns: v.columns?.length ? v.columns : defaultColumns, density: v.density ?? 'middle' };
    return {
      // A report's drill-down link brings its filters in the address (?filter[stage_id][eq]=3).
      filters: activeTab.key === 'mine' ? [{ field: 'owner_id', op: 'eq', value: 'me' }] : urlFilters(params),
      tree: MATCH_ALL,
      sort: null,
      columns: defaultColumns,
      density: 'middle',
    };
  }, [activeTab, defaultColumns, params]);

  const [draft, setDraft] = useState<{ view: string; state: ListState } | null>(null);
  const state = draft && draft.view === activeTab.key ? draft.state : base;
  const dirty = !sameState(state, base);
  const update = (patch: Partial<ListState>) => setDraft({ view: activeTab.key, state: { ...state, ...patch } });

  const q = params.get('q') ?? '';
  const setQ = useCallback(
    (v: string) =>
      setParams((p) => {
        const n = new URLSearchParams(p);
        if (v) n.set('q', v);
        else n.delete('q');
        return n;
      }, { replace: true }),
    [setParams],
  );

  // Keyset pages: a stack of the cursors that led here, so "Previous" can walk back.
  const [pageSize, setPageSize] = useState(50);
  // A tree travels as `where` (JSON) beside the flat filters: list, count, totals and export read it alike.
  const where = state.tree.conditions.length ? JSON.stringify(state.tree) : undefined;
  const queryBase = useMemo(
    () => ({ ...filterParams(state.filters), where, q: q || undefined, sort: state.sort ?? undefined }),
    [state.filters, where, state.sort, q],
  );
  // Objects with a board (descriptor.board) switch between the list and the board (?layout=board).
  const boardKey = descriptor?.board?.field;
  const boardField = boardKey ? fields.find((f) => f.key === boardKey) : undefined;
  const showBoard = params.get('layout') === 'board' && Boolean(boardField);
  const listParams = useMemo(() => ({ ...filterParams(state.filters), where, q: q || undefined }), [state.filters, where, q]);
  const baseKey = JSON.stringify([queryBase, pageSize]);
  const [pages, setPages] = useState<{ key: string; stack: string[] }>({ key: baseKey, stack: [] });
  const stack = pages.key === baseKey ? pages.stack : [];
  const cursor = stack.at(-1);

  // Only the shown columns travel (the edit drawer loads the whole record itself).
  const listColumns = useMemo(
    () => [...new Set([titleField, ...state.columns])].filter((c) => fields.some((f) => f.key === c)).join(','),
    [titleField, state.columns, fields],
  );
  const list = useRecordList(object, { ...queryBase, columns: listColumns || undefined, limit: pageSize, cursor }, meta.isSuccess && !showBoard);
  const count = useRecordCount(object, queryBase, meta.isSuccess);

  const [selected, setSelected] = useState<number[]>([]);
  // "Select all N matching": the bulk action then goes to the server as the list's query, under
  // the count shown; any change of the query or the ticks falls back to the ticked rows.
  const [allMatching, setAllMatching] = useState<string | null>(null);
  const matchingAll = allMatching === JSON.stringify(listParams) && Boolean(count.data) && !count.data?.capped;
  const [editing, setEditing] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const openParam = params.get('open');
  const drawerId = editing ?? (openParam ? Number(openParam) : null);

  const refresh = () => invalidateRecords(qc, object);


  const saveView = async (name: string, shared: boolean) => {
    try {
      const r = await api.post<{ data: SavedView }>('/views', { object, name, filters: state.filters, conditions: viewTree(state.tree), sort: state.sort, columns: state.columns, density: state.density, shared });
      await qc.invalidateQueries({ queryKey: keys.views(object) });
      setDraft(null);
      setParams({ view: String(r.data.id) });
      message.success(t('views.created'));
    } catch (e) {
      message.error(errorText(t, e));
      throw e;
    }
  };
  const saveChanges = async () => {
    const v = activeTab.view;
    if (!v) return;
    try {
      await api.patch(`/views/${v.id}`, { filters: state.filters, conditions: viewTree(state.tree), sort: state.sort, columns: state.columns, density: state.density });
      await qc.invalidateQueries({ queryKey: keys.views(object) });
      setDraft(null);
      message.success(t('views.updated'));
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  // Readable (labels, names, in the UI's language and the browser's time zone) unless the raw
  // form (field keys and ids, as the API answers) is asked for.
  const exportFile = (format: 'csv' | 'xlsx', onlySelected: boolean, raw = false) => {
    const cols = state.columns.filter((c) => fields.some((f) => f.key === c)).join(',');
    const style = raw ? { style: 'raw' } : { style: 'readable', locale: currentLocale(), tz: Intl.DateTimeFormat().resolvedOptions().timeZone };
    download(`/${object}/export`, onlySelected
      ? { format, columns: cols, ...style, 'filter[id][in]': selected.join(',') }
      : { format, columns: cols, ...style, ...queryBase });
  };
  const exportItems = [
    { key: 'csv', label: t('list.exportCsv') },
    { key: 'xlsx', label: t('list.exportXlsx') },
    { type: 'divider' as const },
    { key: 'raw-csv', label: t('list.exportRawCsv') },
    { key: 'raw-xlsx', label: t('list.exportRawXlsx') },
  ];

  const sortKey = state.sort ?? defaultSort;
  const onSort = (sort: string) => update({ sort });
  const realColumns = useListColumns({ object, fields, shownKeys: state.columns, titleField, sortKey, isPhone, onOpen: setEditing, canEdit: Boolean((meta.data?.can ?? descriptor?.can)?.update), onSort });
  // While the metadata loads, the usual columns with their (translated) headers hold the space.
  const columns = meta.data
    ? realColumns
    : (descriptor?.list_columns ?? []).map((key, i) => ({ key, title: fieldLabel(t, object, key), width: i === 0 ? 220 : 160, fixed: i === 0 ? ('left' as const) : undefined }));

  const onTableChange: TableProps<ApiRecord>['onChange'] = (_p, _f, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey ? String(s.columnKey) : null;
    if (!key || !s?.order) update({ sort: null });
    else update({ sort: s.order === 'descend' ? `-${key}` : key });
  };

  const rows = list.data?.data ?? [];
  const loadingFirst = list.isLoading || meta.isLoading;
  const skeletonRows: ApiRecord[] = Array.from({ length: 8 }, (_, i) => ({ id: -1 - i }));
  const from = stack.length * pageSize + (rows.length ? 1 : 0);
  const to = stack.length * pageSize + rows.length;
  const can = meta.data?.can ?? descriptor?.can;
  const canWrite = Boolean(can?.create);
  // `n`: a new record, as the "New" button does (the help panel, `?`, lists it).
  useShortcut('n', () => setCreating(true), canWrite);
  const canImport = Boolean(can?.import && descriptor?.features.import);
  const canExport = Boolean(can?.export);
  const filtered = state.filters.length > 0 || state.tree.conditions.length > 0 || q !== '';

  const empty = (
    <ListEmpty
      object={object}
      filtered={filtered}
      canImport={canImport}
      canWrite={canWrite}
      onClear={() => { update({ filters: [], tree: MATCH_ALL }); setQ(''); }}
      onImport={() => navigate(`/imports/new?object=${object}`)}
      onCreate={() => setCreating(true)}
    />
  );

  const countText = count.data ? t('list.count', { count: count.data.count, formatted: formatCount(count.data.count, count.data.capped) }) : '';

  return (
    <div className="gx-page">
      <div className="gx-page-head">
        <PageTitle>{objects}</PageTitle>
        <Typography.Text type="secondary" className="gx-count" data-testid="list-count">{countText}</Typography.Text>
        <span style={{ flex: 1 }} />
        <Space wrap>
          {boardField ? (
            <Segmented
              value={showBoard ? 'board' : 'list'}
              onChange={(v) => setParams((p) => { const n = new URLSearchParams(p); if (v === 'board') n.set('layout', 'board'); else n.delete('layout'); return n; })}
              options={[
                { value: 'list', icon: <UnorderedListOutlined />, label: isPhone ? undefined : t('board.list'), title: t('board.list') },
                { value: 'board', icon: <ProjectOutlined />, label: isPhone ? undefined : t('board.board'), title: t('board.board') },
              ]}
              data-testid="layout-switch"
            />
          ) : null}
          {canImport ? <Button icon={<UploadOutlined />} onClick={() => navigate(`/imports/new?object=${object}`)}>{isPhone ? null : t('list.import')}</Button> : null}
          {canExport ? (
            <Dropdown
              trigger={['click']}
              menu={{ items: exportItems, onClick: ({ key }) => exportFile(key.replace('raw-', '') as 'csv' | 'xlsx', false, key.startsWith('raw-')) }}
            >
              <Button icon={<DownloadOutlined />}>{isPhone ? null : t('list.export')}</Button>
            </Dropdown>
          ) : null}
          {canWrite ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="list-new">{t('common.new')}</Button> : null}
        </Space>
      </div>

      <ViewTabs
        tabs={tabs}
        active={activeTab.key}
        onActive={(k) => {
          setDraft(null);
          setSelected([]);
          const layout = params.get('layout');
          setParams({ ...(k === 'all' ? {} : { view: k }), ...(layout ? { layout } : {}) });
        }}
        dirty={dirty}
        onSaveNew={saveView}
        onSaveChanges={saveChanges}
        onDiscard={() => setDraft(null)}
        onRename={async (v, name, shared) => {
          await api.patch(`/views/${v.id}`, { name, shared });
          await qc.invalidateQueries({ queryKey: keys.views(object) });
        }}
        onDelete={async (v) => {
          await api.del(`/views/${v.id}`);
          setParams({});
          await qc.invalidateQueries({ queryKey: keys.views(object) });
          message.success(t('common.deleted'));
        }}
      />

      <FilterBar
        object={object}
        fields={fields}
        filters={state.filters}
        onFilters={(f) => update({ filters: f })}
        q={q}
        onQ={setQ}
        extra={<Space size={8}>
          <AdvancedFilter object={object} value={state.tree} onApply={(tree) => update({ tree })} />
          <ColumnChooser
            object={object}
            fields={fields}
            columns={state.columns}
            titleField={titleField}
            onChange={(c) => { update({ columns: c }); revealAddedColumn(state.columns, c); }}
            density={state.density}
            onDensity={(d) => update({ density: d })}
            compact={isPhone}
          />
        </Space>}
      />

      {showBoard && boardField ? (
        <KanbanBoard
          object={object}
          field={boardField}
          titleField={titleField}
          details={fields.filter((f) => state.columns.includes(f.key) && f.key !== titleField && f.key !== boardField.key).slice(0, 2)}
          params={listParams}
          canMove={Boolean(can?.update) && !boardField.readonly}
          onOpen={(id) => (descriptor?.record_page ? navigate(`/${object}/${id}`) : setEditing(id))}
        />
      ) : (<>
      <BulkActions
        object={object}
        fields={fields}
        scope={matchingAll ? { kind: 'match', count: count.data!.count, params: listParams } : { kind: 'ids', ids: selected }}
        onClear={() => { setSelected([]); setAllMatching(null); }}
        canWrite={Boolean(can?.update)}
        canExport={canExport}
        hasOwner={hasOwner}
        onExport={(format) => exportFile(format, !matchingAll)}
        onDone={refresh}
      />
      <SelectAllMatching
        pageRows={rows.map((r) => r.id)}
        selected={selected}
        count={count.data}
        active={matchingAll}
        onSelectAll={() => setAllMatching(JSON.stringify(listParams))}
        onClear={() => { setSelected([]); setAllMatching(null); }}
      />

      <Table<ApiRecord>
        className="gx-list-table"
        rowKey="id"
        size={state.density}
        columns={columns}
        dataSource={loadingFirst ? skeletonRows : rows}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 'max-content' }}
        sticky={{ offsetHeader: 56 }}
        showSorterTooltip={false}
        onChange={onTableChange}
        locale={{ emptyText: loadingFirst ? ' ' : empty }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => { setSelected(keys as number[]); setAllMatching(null); },
          preserveSelectedRowKeys: true,
          columnWidth: 44,
          fixed: true,
          // Named after the record in the user's language ("选择 张三"), not antd's "Select row 1".
          getCheckboxProps: (rec) => ({ 'aria-label': t('links.selectRow', { name: String(rec[titleField] ?? `#${rec.id}`) }) }) as object,
          getTitleCheckboxProps: () => ({ 'aria-label': t('links.selectPage') }) as object,
        }}
        components={loadingFirst ? { body: { cell: () => <td><Skeleton.Input active size="small" style={{ height: 16 }} /></td> } } : undefined}
        onRow={(rec) => ({
          onClick: (e) => {
            const el = e.target as HTMLElement;
            if (el.closest('a,button,input,label,.ant-checkbox-wrapper,.ant-table-selection-column')) return;
            if (descriptor?.record_page) navigate(`/${object}/${rec.id}`);
            else setEditing(rec.id);
          },
          className: 'gx-row',
        })}
        data-testid="record-table"
      />

      <MoneyTotals object={object} fields={fields} columns={state.columns} params={queryBase} />

      <Pager
        from={from}
        to={to}
        empty={rows.length === 0}
        pageSize={pageSize}
        onPageSize={setPageSize}
        canPrev={stack.length > 0 && !list.isFetching}
        canNext={Boolean(list.data?.next_cursor) && !list.isFetching}
        onPrev={() => setPages({ key: baseKey, stack: stack.slice(0, -1) })}
        onNext={() => setPages({ key: baseKey, stack: [...stack, list.data!.next_cursor!] })}
        compact={isPhone}
      />

      {list.isError ? <Typography.Text type="danger">{errorText(t, list.error)}</Typography.Text> : null}
      </>)}


      <RecordFormDrawer
        object={object}
        open={creating || drawerId !== null}
        recordId={creating ? null : drawerId}
        onClose={() => {
          setCreating(false);
          setEditing(null);
          if (openParam) setParams((p) => { const n = new URLSearchParams(p); n.delete('open'); return n; }, { replace: true });
        }}
        onSaved={(rec, created) => {
          if (created && descriptor?.record_page) navigate(`/${object}/${rec.id}`);
        }}
      />
    </div>
  );
}
