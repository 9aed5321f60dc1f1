// The home page: the widgets the caller may see, each with its data or its own error (GET /home).
import { z } from 'zod';

export const WidgetSize = z.enum(['small', 'medium', 'large']);
export type WidgetSize = z.infer<typeof WidgetSize>;

/** A row linking to a record: its object, id and title as the viewer may read them. */
export const WidgetItem = z.object({
  object: z.string(),
  id: z.number().int(),
  /** The record's title; null when the viewer's role hides the title field. */
  title: z.string().nullable(),
  /** A moment shown beside the row (due, reminder, changed, created), ISO. */
  at: z.string().nullable().optional(),
  /** A short tag the web app translates (`overdue`, `today`, `created`, `updated`…). */
  tag: z.string().optional(),
});
export type WidgetItem = z.infer<typeof WidgetItem>;

/** Records, with counts by name (`overdue: 3`) that may exceed the rows listed. */
export const WidgetList = z.object({
  kind: z.literal('list'),
  items: z.array(WidgetItem),
  counts: z.record(z.string(), z.number().int()).optional(),
});

/** Numbers per label (activities per rep), each optionally a user. */
export const WidgetCounts = z.object({
  kind: z.literal('counts'),
  rows: z.array(z.object({ label: z.string(), value: z.number().int(), user_id: z.number().int().nullable().optional() })),
});

export const WidgetData = z.discriminatedUnion('kind', [WidgetList, WidgetCounts]);
export type WidgetData = z.infer<typeof WidgetData>;

export const HomeWidget = z.object({
  key: z.string(),
  module: z.string(),
  /** The title in every locale; the web app picks the one it shows. */
  labels: z.object({ en: z.string(), 'zh-CN': z.string(), 'zh-TW': z.string() }),
  size: WidgetSize,
  /** Exactly one of data and error: a widget that failed answers its error, the page still loads. */
  data: WidgetData.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type HomeWidget = z.infer<typeof HomeWidget>;

export const HomePage = z.object({ widgets: z.array(HomeWidget) });
export type HomePage = z.infer<typeof HomePage>;
