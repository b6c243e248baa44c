/**
 * The accessibility toolbar's settings (无障碍辅助浏览): what the visitor chose, how it is remembered on the
 * device (localStorage) and how it shows on <html>. public/elder-mode.js, the bootstrap that runs before first
 * paint, restores the same attributes from the same keys (tests/unit/a11y-settings.test.ts holds them together).
 */

/** Page zoom steps (放大/缩小): the root font size times this, so the page reflows and never scrolls sideways. */
export const ZOOM_STEPS = [1, 1.1, 1.25, 1.5, 1.75, 2] as const;

/** Colour schemes (配色) besides the site's own: 黑底黄字 and 白底黑字, both far above WCAG AA. */
export const SCHEMES = {
  default: '默认配色',
  dark: '黑底黄字',
  light: '白底黑字',
} as const;
export type Scheme = keyof typeof SCHEMES;

/** Read-aloud speeds (语速), as SpeechSynthesisUtterance.rate. */
export const RATES = [
  { rate: 0.75, label: '慢' },
  { rate: 1, label: '正常' },
  { rate: 1.3, label: '快' },
] as const;

export interface Settings {
  /** 大字模式: 1.25× text, darker greys (its own key, elder-mode, as before the toolbar). */
  elder: boolean;
  zoom: number;
  scheme: Scheme;
  /** 大鼠标 */
  pointer: boolean;
  /** 十字线 */
  crosshair: boolean;
  /** 大字幕 */
  caption: boolean;
  /** 纯文本 */
  textOnly: boolean;
  /** 指读: read aloud what the pointer points at or what gets the focus. */
  follow: boolean;
  /** 语速 */
  rate: number;
}

export const DEFAULTS: Settings = {
  elder: false,
  zoom: 1,
  scheme: 'default',
  pointer: false,
  crosshair: false,
  caption: false,
  textOnly: false,
  follow: false,
  rate: 1,
};

/** localStorage keys: the toolbar's settings as JSON, and 大字模式 on its own as it always was. */
export const STORAGE_KEY = 'a11y';
export const ELDER_KEY = 'elder-mode';

/** What a storage holds, read leniently: anything unknown or malformed falls back to the default. */
export function parseSettings(raw: string | null, elder: string | null): Settings {
  let saved: Record<string, unknown> = {};
  try {
    const value = JSON.parse(raw ?? '{}');
    if (value && typeof value === 'object') saved = value;
  } catch {
    // A broken value is forgotten, not fatal.
  }
  const flag = (name: keyof Settings) => saved[name] === true;
  return {
    elder: elder === 'on',
    zoom: ZOOM_STEPS.includes(saved.zoom as (typeof ZOOM_STEPS)[number]) ? (saved.zoom as number) : 1,
    scheme: typeof saved.scheme === 'string' && saved.scheme in SCHEMES ? (saved.scheme as Scheme) : 'default',
    pointer: flag('pointer'),
    crosshair: flag('crosshair'),
    caption: flag('caption'),
    textOnly: flag('textOnly'),
    follow: flag('follow'),
    rate: RATES.some((step) => step.rate === saved.rate) ? (saved.rate as number) : 1,
  };
}

/** The JSON stored under STORAGE_KEY (大字模式 is stored apart). */
export function serializeSettings(settings: Settings): string {
  const { elder: _elder, ...rest } = settings;
  return JSON.stringify(rest);
}

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function readSettings(store: KeyValueStore | undefined): Settings {
  try {
    return store ? parseSettings(store.getItem(STORAGE_KEY), store.getItem(ELDER_KEY)) : { ...DEFAULTS };
  } catch {
    // Storage blocked (private mode, some WeChat views): the defaults, and the choices last for the page.
    return { ...DEFAULTS };
  }
}

export function writeSettings(store: KeyValueStore | undefined, settings: Settings): void {
  try {
    store?.setItem(STORAGE_KEY, serializeSettings(settings));
    store?.setItem(ELDER_KEY, settings.elder ? 'on' : 'off');
  } catch {
    // See readSettings.
  }
}

/** The next zoom step up (+1) or down (-1), held to 1×–2×. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const index = ZOOM_STEPS.findIndex((step) => step >= zoom);
  const next = Math.min(ZOOM_STEPS.length - 1, Math.max(0, (index < 0 ? ZOOM_STEPS.length - 1 : index) + direction));
  return ZOOM_STEPS[next];
}

/** The scheme after `scheme` (the 配色 shortcut cycles through them). */
export function nextScheme(scheme: Scheme): Scheme {
  const names = Object.keys(SCHEMES) as Scheme[];
  return names[(names.indexOf(scheme) + 1) % names.length];
}

/** Whether the settings need the toolbar's code on every page (the crosshair, caption and 指读 run in script). */
export const needsRuntime = (settings: Settings): boolean => settings.crosshair || settings.caption || settings.follow;

/** The part of <html> the settings govern: classes and data attributes, CSS does the rest (src/styles/a11y.css). */
interface Root {
  classList: { toggle(name: string, force: boolean): unknown };
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

export function applySettings(root: Root, settings: Settings): void {
  root.classList.toggle('elder', settings.elder);
  root.classList.toggle('a11y-pointer', settings.pointer);
  root.classList.toggle('a11y-text', settings.textOnly);
  root.classList.toggle('a11y-caption', settings.caption);
  if (settings.zoom === 1) root.removeAttribute('data-zoom');
  else root.setAttribute('data-zoom', String(settings.zoom));
  if (settings.scheme === 'default') root.removeAttribute('data-scheme');
  else root.setAttribute('data-scheme', settings.scheme);
}
