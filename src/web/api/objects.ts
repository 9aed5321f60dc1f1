import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import i18n from '../i18n/index.ts';
import { api } from './client.ts';
import { keys } from './keys.ts';
import type { One } from './types.ts';
import { LOCALES } from '../../shared/fields.ts';
import type { ObjectDescriptor, ObjectMetaFull } from '../../shared/objects.ts';

export type { ObjectDescriptor, ObjectMetaFull } from '../../shared/objects.ts';

/**
 * The objects' labels come with their descriptors: added to i18next under the keys the label
 * helpers read (objects.<o>, fields.<o>, options.<o>, sections.<o>), so `fieldLabel`,
 * `optionLabel`, `objectLabel` and `sectionLabel` work for any object a module adds.
 */
function registerLabels(list: ObjectDescriptor[]): void {
  for (const locale of LOCALES) {
    const bundle = { objects: {} as Record<string, unknown>, fields: {} as Record<string, unknown>, options: {} as Record<string, unknown>, sections: {} as Record<string, unknown> };
    for (const d of list) {
      const l = d.labels[locale];
      if (!l) continue;
      bundle.objects[d.name] = { one: l.one, other: l.other };
      bundle.fields[d.name] = l.fields ?? {};
      bundle.options[d.name] = l.options ?? {};
      bundle.sections[d.name] = l.sections ?? {};
    }
    i18n.addResourceBundle(locale, 'translation', bundle, true, true);
  }
}

/** The record objects the signed-in user may use, in the server's order; labels registered before the data is handed out. */
export function useObjects(enabled = true): UseQueryResult<ObjectDescriptor[]> {
  return useQuery({
    queryKey: keys.objects(),
    enabled,
    queryFn: async () => {
      const list = (await api.get<{ data: ObjectDescriptor[] }>('/meta/objects')).data;
      registerLabels(list);
      return list;
    },
    staleTime: 5 * 60_000,
  });
}

/** One object's descriptor (undefined while loading, or when the user may not use it). */
export function useObject(name: string | null | undefined): ObjectDescriptor | undefined {
  return useObjects().data?.find((d) => d.name === name);
}

/** The descriptor with the fields the user may read (forms, columns, filters); `enabled: false` asks nothing. */
export function useMeta(object: string, enabled = true): UseQueryResult<ObjectMetaFull> {
  return useQuery({
    queryKey: keys.meta(object),
    enabled,
    queryFn: async () => (await api.get<One<ObjectMetaFull>>(`/meta/objects/${object}`)).data,
    staleTime: 60_000,
  });
}
