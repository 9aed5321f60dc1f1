// Templates are Liquid (liquidjs: sandboxed, no code in templates). HTML output escapes every
// value by default, so a task titled `<script>` arrives as text; the plain-text part and the
// subject are rendered without escaping (they are not HTML). Variables are strict: a template
// may only name what its kind's sample declares, checked when it is saved or previewed.
import { Liquid, type Template } from 'liquidjs';
import { AppError, type FieldIssue } from '../../http/errors.ts';
import type { TemplateText } from './mail.defaults.ts';

const options = { strictVariables: true, strictFilters: true, lenientIf: true, cache: false } as const;
const htmlEngine = new Liquid({ ...options, outputEscape: 'escape' });
const textEngine = new Liquid(options);

export interface Rendered {
  subject: string;
  html: string;
  text: string;
}

function has(sample: unknown, path: unknown[]): boolean {
  let at: unknown = sample;
  for (const seg of path) {
    // A computed index (a[b]) or a number: the rest is not knowable statically.
    if (typeof seg !== 'string') return true;
    if (at === null || typeof at !== 'object' || !(seg in at)) {
      return Array.isArray(at) && ['size', 'first', 'last'].includes(seg);
    }
    at = (at as Record<string, unknown>)[seg];
  }
  return true;
}

function parse(engine: Liquid, field: string, source: string): Template[] {
  try {
    return engine.parse(source);
  } catch (e) {
    throw new AppError('validation_failed', 'The template cannot be read', [
      { field, code: 'template_syntax_error', message: String((e as Error).message).split('\n')[0]!.slice(0, 300) },
    ]);
  }
}

/** Refuses a template naming a variable its kind does not provide, or one Liquid cannot parse. */
export function checkTemplate(t: TemplateText, sample: Record<string, unknown>): void {
  const issues: FieldIssue[] = [];
  for (const [field, engine] of [['subject', textEngine], ['html', htmlEngine], ['text', textEngine]] as const) {
    const source = t[field];
    if (source == null) continue;
    const parsed = parse(engine, field, source);
    const unknown = engine
      .globalVariableSegmentsSync(parsed)
      .filter((path) => !has(sample, path))
      .map((path) => path.map(String).join('.'));
    for (const name of new Set(unknown)) {
      issues.push({ field, code: 'unknown_template_variable', message: `Unknown template variable: ${name}` });
    }
  }
  if (issues.length) throw new AppError('validation_failed', 'The template uses variables this e-mail does not provide', issues);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#34': '"', nbsp: ' ' };

/** The plain-text part of an HTML body: block ends become line breaks, tags go, entities decode. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|table|ul|ol)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#34|nbsp);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Renders subject, HTML and text; strict variables make a value missing at send time an error, not a blank. */
export async function renderTemplate(t: TemplateText, vars: Record<string, unknown>): Promise<Rendered> {
  try {
    const subject = (await textEngine.parseAndRender(t.subject, vars)).replace(/\s+/g, ' ').trim();
    const html = await htmlEngine.parseAndRender(t.html, vars);
    const text = t.text ? await textEngine.parseAndRender(t.text, vars) : htmlToText(html);
    return { subject, html, text };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('validation_failed', 'The template cannot be rendered', [
      { field: 'template', code: /undefined variable/i.test((e as Error).message) ? 'unknown_template_variable' : 'template_render_failed', message: String((e as Error).message).split('\n')[0]!.slice(0, 300) },
    ]);
  }
}
