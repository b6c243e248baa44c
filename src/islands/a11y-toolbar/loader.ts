/**
 * The accessibility toolbar's loader, on every page (a few hundred bytes): the 无障碍 button and the Alt+Shift
 * shortcuts load the toolbar (toolbar.ts) the first time they are used. Saved choices that run in script (十字线,
 * 大字幕, 指读) load it at once; the others were restored by public/elder-mode.js before first paint.
 */
import { actionFor, savedNeedsRuntime } from '../../lib/a11y/keys.ts';

type Toolbar = typeof import('./toolbar.ts');
let loaded: Toolbar | undefined;
/** Runs `use` with the toolbar: at once once loaded (a second click closes it in the same event), else when it has loaded. */
const withToolbar = (use: (toolbar: Toolbar) => void) => {
  if (loaded) use(loaded);
  else
    void import('./toolbar.ts').then((toolbar) => {
      loaded = toolbar;
      use(toolbar);
    });
};

document.querySelector('[data-a11y-open]')?.addEventListener('click', () => {
  withToolbar((toolbar) => toolbar.run('toolbar', false));
});

document.addEventListener('keydown', (event) => {
  const action = actionFor(event);
  if (!action) return;
  event.preventDefault();
  withToolbar((toolbar) => toolbar.run(action, true));
});

let saved: string | null = null;
try {
  saved = localStorage.getItem('a11y');
} catch {
  // Storage blocked: nothing was saved.
}
if (savedNeedsRuntime(saved)) withToolbar((toolbar) => toolbar.start());
