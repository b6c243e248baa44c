// Accessibility bootstrap (适老化、无障碍), before first paint: restores the choices saved on this device (大字模式, zoom,
// colour scheme, large pointer, text-only view, caption bar) on <html> and shows the 无障碍 button. An external file,
// never inline (CSP: scripts from this origin only). Mirrors applySettings in src/lib/a11y/settings.ts (unit-tested).
(() => {
  const root = document.documentElement;
  let saved = {};
  let elder = false;
  try {
    elder = localStorage.getItem('elder-mode') === 'on';
    saved = JSON.parse(localStorage.getItem('a11y') || '{}') || {};
  } catch {
    // Storage blocked (private mode, some WeChat views) or a broken value: the defaults.
  }
  root.classList.toggle('elder', elder);
  root.classList.toggle('a11y-pointer', saved.pointer === true);
  root.classList.toggle('a11y-text', saved.textOnly === true);
  root.classList.toggle('a11y-caption', saved.caption === true);
  if ([1.1, 1.25, 1.5, 1.75, 2].includes(saved.zoom)) root.setAttribute('data-zoom', String(saved.zoom));
  if (saved.scheme === 'dark' || saved.scheme === 'light') root.setAttribute('data-scheme', saved.scheme);
  root.classList.add('a11y-ready');
})();
