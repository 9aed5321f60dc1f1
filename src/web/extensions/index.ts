// Each business module's web part, imported once for its registrations (./registry.ts).
// One line per module; keep them sorted.
import '../modules/invoices/index.tsx';
import '../modules/payments/index.tsx';
export {};
