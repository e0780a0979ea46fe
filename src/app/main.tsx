import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Initialises the UI strings before the first render.
import '../browser/i18n/kiosk-i18n.ts';
// Page-wide basics first, so each area's styles can refine them.
import './base.css';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A transition, so React renders the first screen in short slices and the
// page stays responsive while it does.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
