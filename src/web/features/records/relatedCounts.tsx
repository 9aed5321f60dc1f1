import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { formatCount } from '../../i18n/format.ts';
import type { RelatedList } from '../../../shared/objects.ts';
import type { RelatedCountsAnswer } from '../../../shared/contracts/records.ts';

/**
 * The size of each related list of a record page (GET /{object}/{id}/related-counts), for its tab
 * label: "联系人 3". Under keys.related(), so adding or removing a related record refreshes it.
 */
export function useRelatedCounts(object: string, id: number, enabled: boolean) {
  const q = useQuery({
    queryKey: [...keys.related(), 'counts', object, id],
    enabled,
    queryFn: async () => (await api.get<RelatedCountsAnswer>(`/${object}/${id}/related-counts`)).data,
    staleTime: 30_000,
  });
  return (label: string, r: RelatedList) => {
    const n = q.data?.find((x) => x.object === r.object && x.field === r.field);
    if (!n) return label;
    return (
      <span>
        {label}
        <span className="gx-tab-count">{formatCount(n.count, n.capped)}</span>
      </span>
    );
  };
}
