// Each business module's web part, imported once for its registrations (./registry.ts).
// One line per module; keep them sorted.
import '../modules/territories/index.tsx';

