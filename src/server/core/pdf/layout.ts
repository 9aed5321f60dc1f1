import type { Content, TableCell } from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { DocumentLine, PrintableDocument } from '../../../shared/contracts/documents.ts';
import { amountInCapitals, hasCapitals } from '../../../shared/money-words.ts';
import { familyFor } from './fonts.ts';
import { formatAmount, formatDate, formatNumber, formatPercent } from './format.ts';
import { PDF_LABELS, titleOf } from './pdf.labels.ts';

// The one document layout (A4 portrait): seller and title, buyer, facts, the lines table (its
// header repeated on every page, a row never split across pages), totals with the amount in
// Chinese capitals for documents in Chinese whose currency has a Chinese name (CNY; TWD, HKD), notes, "page / pages" in the footer. Every
// string is data placed in a text node: nothing in a document becomes an image, link or URL.

const GREY = '#666666';
const RULE = '#999999';

type Party = PrintableDocument['seller'];

function partyBlock(label: string, p: Party, taxIdLabel: string): Content {
  return {
    stack: [
      { text: label, color: GREY, fontSize: 8 },
      { text: p.name, bold: true, fontSize: 10 },
      ...p.lines.map((l) => ({ text: l })),
      ...(p.tax_id ? [{ text: `${taxIdLabel}: ${p.tax_id}` }] : []),
    ],
  };
}

function linesTable(doc: PrintableDocument): Content {
  const L = PDF_LABELS[doc.locale];
  const c = L.columns;
  const money = (v: string) => formatAmount(v, doc.currency, doc.locale);
  const right = (text: string): TableCell => ({ text, alignment: 'right' });
  const head = [c.position, c.description, c.quantity, c.unit, c.unitPrice, c.discount, c.taxRate, c.net, c.tax, c.gross]
    .map((text, i): TableCell => ({ text, bold: true, fillColor: '#eeeeee', alignment: i < 2 || i === 3 ? 'left' : 'right' }));
  const row = (l: DocumentLine): TableCell[] => [
    String(l.position),
    { text: l.sku ? [{ text: `${l.sku} `, color: GREY }, l.description] : l.description },
    right(formatNumber(l.quantity, doc.locale)),
    l.unit ?? '',
    right(money(l.unit_price)),
    right(l.discount_percent ? formatPercent(l.discount_percent, doc.locale) : ''),
    right(l.tax_rate ? formatPercent(l.tax_rate, doc.locale) : ''),
    right(money(l.net)),
    right(money(l.tax)),
    right(money(l.gross)),
  ];
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [22, '*', 34, 26, 52, 34, 28, 54, 46, 56],
      body: [head, ...doc.lines.map(row)],
    },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => RULE, paddingTop: () => 3, paddingBottom: () => 3 },
    fontSize: 8,
    margin: [0, 12, 0, 8],
  };
}

function totalsBlock(doc: PrintableDocument): Content {
  const L = PDF_LABELS[doc.locale];
  const money = (v: string) => formatAmount(v, doc.currency, doc.locale);
  const t = doc.totals;
  const rows: TableCell[][] = [[L.totals.net, { text: money(t.net), alignment: 'right' }]];
  if (t.discount && Number(t.discount) !== 0) rows.push([L.totals.discount, { text: money(t.discount), alignment: 'right' }]);
  rows.push([L.totals.tax, { text: money(t.tax), alignment: 'right' }]);
  rows.push([{ text: L.totals.gross, bold: true }, { text: money(t.gross), bold: true, fontSize: 11, alignment: 'right' }]);
  const words = doc.locale !== 'en' && hasCapitals(doc.currency)
    ? [{ text: `${L.inWords}: ${amountInCapitals(t.gross, doc.currency, doc.locale === 'zh-TW' ? 'hant' : 'hans')}`, alignment: 'right' as const, margin: [0, 4, 0, 0] as [number, number, number, number] }]
    : [];
  return {
    stack: [
      { columns: [{ text: '', width: '*' }, { width: 'auto', table: { widths: [90, 110], body: rows }, layout: 'noBorders' }] },
      ...words,
    ],
    unbreakable: true,
  };
}

/** The pdfmake definition of a document (pure: fonts are named, not loaded, here). */
export function documentDefinition(doc: PrintableDocument): TDocumentDefinitions {
  const L = PDF_LABELS[doc.locale];
  const title = titleOf(doc.kind, doc.locale);
  const meta: Content[] = [
    { text: title, fontSize: 18, bold: true, alignment: 'right' },
    { text: `${L.number}: ${doc.number}`, alignment: 'right' },
    { text: `${L.date}: ${formatDate(doc.date, doc.locale)}`, alignment: 'right' },
    ...(doc.valid_until ? [{ text: `${L.validUntil}: ${formatDate(doc.valid_until, doc.locale)}`, alignment: 'right' as const }] : []),
  ];
  const facts: Content[] = doc.facts.length
    ? [{ table: { widths: ['auto', '*'], body: doc.facts.map((f) => [{ text: f.label, color: GREY }, f.value]) }, layout: 'noBorders', margin: [0, 8, 0, 0] }]
    : [];
  const notes: Content[] = doc.notes.length
    ? [{ text: L.notes, bold: true, margin: [0, 12, 0, 2] }, ...doc.notes.map((n) => ({ text: n, margin: [0, 0, 0, 4] as [number, number, number, number] }))]
    : [];
  return {
    pageSize: 'A4',
    pageMargins: [36, 40, 36, 48],
    info: { title: `${title} ${doc.number}`, creator: 'Guanxi', producer: 'Guanxi' },
    language: doc.locale,
    defaultStyle: { font: familyFor(doc.locale), fontSize: 9, lineHeight: 1.2 },
    footer: (page: number, pages: number) => ({ text: L.page(page, pages), alignment: 'center', fontSize: 8, color: GREY, margin: [0, 16, 0, 0] }),
    content: [
      { columns: [partyBlock(L.seller, doc.seller, L.taxId), { width: 'auto', stack: meta }] },
      { ...(partyBlock(L.buyer, doc.buyer, L.taxId) as object), margin: [0, 14, 0, 0] } as Content,
      // An organisation's own words (a quote template's header and footer, settings) are plain text too.
      ...(doc.header_text ? [{ text: doc.header_text, margin: [0, 10, 0, 0] } as Content] : []),
      ...facts,
      linesTable(doc),
      totalsBlock(doc),
      ...notes,
      ...(doc.footer_text ? [{ text: doc.footer_text, fontSize: 8, color: GREY, margin: [0, 14, 0, 0] } as Content] : []),
    ],
  };
}
