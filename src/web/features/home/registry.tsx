import type { ComponentType } from 'react';
import type { HomeWidget, WidgetData } from '../../../shared/contracts/home.ts';
import { CountsWidget, ListWidget } from './GenericWidgets.tsx';

export interface WidgetRendererProps { widget: HomeWidget; data: WidgetData }

// Renderers by widget key: a module's web part registers its own (registerWidgetRenderer) for a
// widget that needs more than a list or numbers; every other widget renders by its data's kind.
const renderers = new Map<string, ComponentType<WidgetRendererProps>>();

export function registerWidgetRenderer(key: string, renderer: ComponentType<WidgetRendererProps>): void {
  renderers.set(key, renderer);
}

export function rendererFor(widget: HomeWidget, data: WidgetData): ComponentType<WidgetRendererProps> {
  return renderers.get(widget.key) ?? (data.kind === 'counts' ? CountsWidget : ListWidget);
}
