// A 50-line quote in Simplified Chinese rendered to PDF (layout, CJK font subset, compression):
// no database, the renderer alone (core/pdf). The size is kept in the detail: it shows the font
// is embedded as a subset.
import type { RepeatOptions } from '../lib/measure.ts';
import { compare } from '../lib/measure.ts';
import type { Figure } from '../lib/report.ts';
import { renderPdf } from '../../src/server/core/pdf/render.ts';
import { sampleDocument } from '../../src/server/core/pdf/pdf.test-support.ts';

export async function pdfFigures(o: RepeatOptions): Promise<Figure[]> {
  const doc = sampleDocument('zh-CN', 50);
  let bytes = 0;
  const { product } = await compare(async () => { bytes = (await renderPdf(doc)).length; }, null, { warmup: 2, reps: Math.min(o.reps, 20), budgetMs: 10_000 });
  return [{ id: 'pdf_50_lines', unit: 'ms', label: '50-line PDF quote (zh-CN, CJK font subset)', product, raw: null, detail: { bytes } }];
}
