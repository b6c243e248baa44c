// Elder-friendly mode (适老化): larger text and stronger contrast, remembered in localStorage.
// Loaded as a render-blocking external file in <head> so the class is set before first paint,
// with no inline script (the site's CSP allows scripts from its own origin only).
(() => {
  const KEY = 'elder-mode';
  const root = document.documentElement;
  let on = false;
  try {
    on = localStorage.getItem(KEY) === 'on';
  } catch {
    // Storage blocked (private mode, some WeChat views): the mode still works for this page.
  }
  root.classList.toggle('elder', on);
  // Shows the toggle (hidden without JavaScript, where it could do nothing) before first paint: no layout shift.
  root.classList.add('elder-ready');
  const sync = () => {
    for (const button of document.querySelectorAll('[data-elder-toggle]')) {
      button.setAttribute('aria-pressed', String(on));
    }
  };
  document.addEventListener('DOMContentLoaded', () => {
    sync();
    for (const button of document.querySelectorAll('[data-elder-toggle]')) {
      button.addEventListener('click', () => {
        on = !on;
        root.classList.toggle('elder', on);
        try {
          localStorage.setItem(KEY, on ? 'on' : 'off');
        } catch {
          // See above.
        }
        sync();
      });
    }
  });
})();
