import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18n from './i18n/index.ts';
import { startAriaRepairs } from './lib/ariaRepairs.ts';
import './styles.css';
import { App } from './app/App.tsx';

// Ant Design markup whose ARIA no prop can correct (lib/ariaRepairs.ts).
startAriaRepairs(() => i18n.t('a11y.scrollTable'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
