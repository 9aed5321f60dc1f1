import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Board, MoveBody } from '../../shared/contracts/board.ts';
import { api, type Query } from './client.ts';
import { invalidateRecords, keys } from './keys.ts';
import type { ApiRecord, One, Page } from './types.ts';

// The kanban board of an object whose descriptor has `board` (server: records/board.ts).
export type BoardData = z.infer<typeof Board>;
export type Move = z.infer<typeof MoveBody>;
export type CardPages = InfiniteData<Page<ApiRecord>, string | null>;

const PAGE = 50;

/** The columns (counts) of the board over the list's filters. */
export function useBoard(object: string, field: string, params: Query) {
  return useQuery({
    queryKey: keys.board(object, { field, ...params }),
    queryFn: async ({ signal }) => (await api.get<{ data: BoardData }>(`/${object}/board`, { field, ...params }, { signal })).data,
  });
}

/** Where a column's cards come from: `/{object}/board/cards` with the column's parameters (field and value, or a pipeline's stage). */
export interface CardsSource {
  object: string;
  /** The column's value (its key in the board's order). */
  value: string;
  path: string;
  params: Query;
}

/** The cards of a select field's column (records/board.ts). */
export const fieldCards = (object: string, field: string, value: string, params: Query): CardsSource =>
  ({ object, value, path: `/${object}/board/cards`, params: { field, value, ...params } });

/** One column's cards in board order, a page at a time ("Load more"). */
export function useBoardCards(src: CardsSource) {
  return useInfiniteQuery({
    queryKey: keys.boardCards(src.object, src.value, { path: src.path, ...src.params }),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      api.get<Page<ApiRecord>>(src.path, { ...src.params, limit: PAGE, cursor: pageParam ?? undefined }, { signal }),
    getNextPageParam: (p) => p.next_cursor,
  });
}

/** Moves a card (one write on the server); everything showing the object refreshes after, whatever the answer. */
export function useMoveCard(object: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: Move & { id: number }) => (await api.post<One<ApiRecord>>(`/${object}/${id}/move`, body)).data,
    onSettled: () => invalidateRecords(qc, object),
  });
}
