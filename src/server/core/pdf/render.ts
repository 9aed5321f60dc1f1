import { PrintableDocument } from '../../../shared/contracts/documents.ts';
import { familyFor, loadFamily } from './fonts.ts';
import { documentDefinition } from './layout.ts';

/**
 * A business document as a PDF file: `renderPdf(doc)` checks the document against its contract
 * (a printable() answering nonsense is a bug, thrown as such), lays it out (layout.ts) and lets
 * pdfmake/pdfkit write it with the locale's font embedded as a subset.
 */
export async function renderPdf(input: PrintableDocument): Promise<Buffer> {
  const doc = PrintableDocument.parse(input);
  const pdfmake = await loadFamily(familyFor(doc.locale));
  return pdfmake.createPdf(documentDefinition(doc)).getBuffer();
}
