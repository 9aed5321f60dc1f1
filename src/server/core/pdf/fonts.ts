import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type PdfMake from 'pdfmake';
import type { Locale } from '../../../shared/fields.ts';

// The fonts every document is set in: Noto Sans CJK (OTF, CFF outlines) from npm, Simplified
// (@embedpdf/fonts-sc, 30,888 glyphs: Latin and most Traditional characters too) for en and zh-CN, Traditional (@embedpdf/fonts-tc, Taiwan glyph shapes) for zh-TW.
// pdfkit embeds only the glyphs a document uses (a CIDFontType0C subset, tagged ABCDEF+), so a
// page of Chinese costs tens of kilobytes, not the 8 MB of the font file.
//
// The font files are read once into pdfmake's virtual file system. Both of pdfmake's resource
// policies refuse everything: nothing a document holds (a template image, a font name) can
// make the server fetch a URL or read a local file (SSRF, file disclosure).

const require = createRequire(import.meta.url);

const FAMILIES = {
  NotoSC: { pkg: '@embedpdf/fonts-sc', normal: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' },
  NotoTC: { pkg: '@embedpdf/fonts-tc', normal: 'NotoSansHant-Regular.otf', bold: 'NotoSansHant-Bold.otf' },
} as const;
export type FontFamily = keyof typeof FAMILIES;

/** The family a locale's documents are set in. */
export function familyFor(locale: Locale): FontFamily {
  return locale === 'zh-TW' ? 'NotoTC' : 'NotoSC';
}

type Engine = typeof PdfMake;
let engine: Promise<Engine> | null = null;
const ready = new Set<FontFamily>();

/** The package's fonts folder (its `exports` only name the JS entry, so resolve that and walk up). */
function fontDir(pkg: string): string {
  return path.join(path.dirname(require.resolve(pkg)), '..', 'fonts');
}

/**
 * pdfmake with both resource policies refusing everything, imported on the first print (it
 * takes about a second to load: not a cost for every server start and CLI command).
 */
function pdfEngine(): Promise<Engine> {
  engine ??= import('pdfmake').then((m) => {
    const pdfmake = m.default;
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    return pdfmake;
  });
  return engine;
}

/** pdfmake, locked down, with a family's files in its virtual file system (read once per process). */
export async function loadFamily(family: FontFamily): Promise<Engine> {
  const pdfmake = await pdfEngine();
  if (ready.has(family)) return pdfmake;
  const f = FAMILIES[family];
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs;
  for (const file of [f.normal, f.bold]) vfs.writeFileSync(`${family}/${file}`, fs.readFileSync(path.join(fontDir(f.pkg), file)));
  pdfmake.addFonts({ [family]: { normal: `${family}/${f.normal}`, bold: `${family}/${f.bold}`, italics: `${family}/${f.normal}`, bolditalics: `${family}/${f.bold}` } });
  ready.add(family);
  return pdfmake;
}
