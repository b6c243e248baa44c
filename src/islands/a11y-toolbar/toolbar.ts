/**
 * The accessibility toolbar (无障碍辅助浏览工具条), the site's own: loaded by loader.ts the first time the 无障碍
 * button or a shortcut is used. It sits in the page's flow under the header, so it pushes the page down and covers
 * nothing. The settings model, the zoom steps, the shortcuts and the text it reads or captions are plain modules in
 * src/lib/a11y/ (unit-tested); the look of each choice is CSS on <html> (src/styles/a11y.css).
 */
import {
  applySettings,
  DEFAULTS,
  nextScheme,
  RATES,
  readSettings,
  SCHEMES,
  type Scheme,
  type Settings,
  stepZoom,
  writeSettings,
  ZOOM_STEPS,
} from '../../lib/a11y/settings.ts';
import { type Action, keysOf, SHORTCUTS } from '../../lib/a11y/shortcuts.ts';
import { captionText, READABLE, readableText, speechChunks } from '../../lib/a11y/text.ts';

let store: Storage | undefined;
try {
  store = localStorage;
} catch {
  // Storage blocked: the choices last for this page.
}

const root = document.documentElement;
let settings: Settings = readSettings(store);
const opener = document.querySelector<HTMLButtonElement>('[data-a11y-open]');
const speech: SpeechSynthesis | undefined =
  'speechSynthesis' in window && window.speechSynthesis && typeof SpeechSynthesisUtterance === 'function'
    ? window.speechSynthesis
    : undefined;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

/** Announcements for screen readers (what a shortcut did): present from the start, so changes are read out. */
const status = element('div', { class: 'visually-hidden', role: 'status' });
document.body.append(status);
const announce = (message: string) => {
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = message;
  }, 50);
};

// --- Read-aloud (语音) -------------------------------------------------------------------------------------

let speaking = false;

function speak(text: string): void {
  if (!speech) return;
  speech.cancel();
  const chunks = speechChunks(text);
  const voice = speech.getVoices().find((candidate) => /^zh[-_]CN/i.test(candidate.lang));
  speaking = chunks.length > 0;
  chunks.forEach((chunk, index) => {
    const utterance = new SpeechSynthesisUtterance(chunk);
    utterance.lang = 'zh-CN';
    utterance.rate = settings.rate;
    if (voice) utterance.voice = voice;
    if (index === chunks.length - 1) {
      utterance.onend = () => {
        speaking = false;
      };
    }
    speech.speak(utterance);
  });
}

function stopSpeaking(): void {
  speaking = false;
  speech?.cancel();
}

const mainText = () => {
  const main = document.querySelector<HTMLElement>('main') ?? document.body;
  return readableText(main);
};

// --- What the pointer points at or the focus is on: 指读 and 大字幕 ------------------------------------------

const captionBar = element('div', { class: 'a11y-caption-bar', 'aria-hidden': 'true' });
const crossX = element('div', { class: 'a11y-cross a11y-cross-x', 'aria-hidden': 'true' });
const crossY = element('div', { class: 'a11y-cross a11y-cross-y', 'aria-hidden': 'true' });

/** The one thing to read at the pointer or focus: the nearest readable element, or one with text of its own. */
const readableAt = (target: EventTarget | null): HTMLElement | undefined => {
  if (!(target instanceof HTMLElement) || captionBar.contains(target)) return undefined;
  const readable = target.closest<HTMLElement>(READABLE);
  if (readable) return readable;
  // Not a whole section or page when the pointer is between paragraphs: only an element with its own text.
  const ownText = [...target.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
  return ownText ? target : undefined;
};

let lastPointed: HTMLElement | undefined;
let pointTimer = 0;

function pointedAt(target: HTMLElement | undefined, immediate: boolean): void {
  if (!target || target === lastPointed) return;
  lastPointed = target;
  const text = readableText(target);
  if (!text) return;
  if (settings.caption) captionBar.textContent = captionText(text);
  if (settings.follow) {
    window.clearTimeout(pointTimer);
    if (immediate) speak(text);
    else pointTimer = window.setTimeout(() => speak(text), 300);
  }
}

document.addEventListener('mouseover', (event) => {
  if (settings.caption || settings.follow) pointedAt(readableAt(event.target), false);
});
document.addEventListener('focusin', (event) => {
  if (settings.caption || settings.follow) pointedAt(readableAt(event.target), true);
});
document.addEventListener('mousemove', (event) => {
  if (!settings.crosshair) return;
  crossX.style.transform = `translateY(${event.clientY}px)`;
  crossY.style.transform = `translateX(${event.clientX}px)`;
});

/** Puts the caption bar and the crosshair in the page, or takes them out, as the settings say. */
function syncRuntime(): void {
  if (settings.caption && !captionBar.isConnected) {
    captionBar.textContent = '大字幕：指向或聚焦的内容显示在这里';
    document.body.append(captionBar);
  }
  if (!settings.caption) captionBar.remove();
  if (settings.crosshair && !crossX.isConnected) document.body.append(crossX, crossY);
  if (!settings.crosshair) {
    crossX.remove();
    crossY.remove();
  }
  lastPointed = undefined;
}

// --- The bar ------------------------------------------------------------------------------------------------

const bar = element('section', {
  id: 'a11y-toolbar',
  class: 'a11y-toolbar',
  'aria-label': '无障碍工具条',
  'data-pagefind-ignore': '',
});
const inner = element('div', { class: 'wrap a11y-inner' });
bar.append(inner);

const group = (label: string) => {
  const node = element('div', { class: 'a11y-group', role: 'group', 'aria-label': label });
  inner.append(node);
  return node;
};
const button = (parent: HTMLElement, label: string, action: string, pressed?: boolean) => {
  const node = element('button', { type: 'button', class: 'a11y-button', 'data-action': action }, label);
  const keys = keysOf(action as Action);
  if (keys) {
    node.setAttribute('aria-keyshortcuts', keys);
    node.title = `快捷键 ${keys}`;
  }
  if (pressed !== undefined) node.setAttribute('aria-pressed', String(pressed));
  parent.append(node);
  return node;
};

const voice = group('语音');
let rateSelect: HTMLSelectElement | undefined;
if (speech) {
  button(voice, '朗读正文', 'read');
  button(voice, '指读', 'follow', false);
  const label = element('label', { class: 'a11y-rate' }, '语速');
  rateSelect = element('select', { 'data-setting': 'rate' });
  for (const step of RATES) rateSelect.append(new Option(step.label, String(step.rate)));
  rateSelect.addEventListener('change', () => update({ rate: Number(rateSelect?.value) }));
  label.append(rateSelect);
  voice.append(label);
  button(voice, '停止', 'stop');
} else {
  voice.append(element('span', { class: 'a11y-unsupported' }, '语音朗读：不支持（此浏览器没有语音功能）'));
}

const zoom = group('缩放');
const zoomOut = button(zoom, '缩小', 'zoomOut');
const zoomValue = element('span', { class: 'a11y-zoom-value' });
zoom.append(zoomValue);
const zoomIn = button(zoom, '放大', 'zoomIn');

const schemes = group('配色');
for (const [scheme, label] of Object.entries(SCHEMES)) {
  const node = button(schemes, label, `scheme:${scheme}`, false);
  if (scheme === 'default') node.setAttribute('aria-keyshortcuts', keysOf('scheme'));
}

const aids = group('辅助');
button(aids, '大鼠标', 'pointer', false);
button(aids, '十字线', 'crosshair', false);
button(aids, '大字幕', 'caption', false);
button(aids, '纯文本', 'textOnly', false);
button(aids, '大字模式', 'elder', false);

const end = group('工具条');
button(end, '重置', 'reset');
button(end, '关闭工具条', 'close');

// The shortcuts, folded (on a phone they would push the page a screen down, and phones seldom have a keyboard).
const help = element('details', { class: 'a11y-help' });
help.append(
  element('summary', {}, '快捷键'),
  element(
    'p',
    {},
    `按住 Alt 和 Shift 再按：${SHORTCUTS.map((shortcut) => `${shortcut.keys.slice('Alt+Shift+'.length)} ${shortcut.label}`).join('，')}。`,
  ),
);
inner.append(help);

bar.addEventListener('click', (event) => {
  const target = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
  if (target) perform(target.dataset.action ?? '', false);
});
bar.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    setOpen(false);
    opener?.focus();
  }
});

/** Shows the settings in the bar: pressed buttons, the zoom, the speed. */
function syncBar(): void {
  const pressed: Record<string, boolean> = {
    follow: settings.follow,
    pointer: settings.pointer,
    crosshair: settings.crosshair,
    caption: settings.caption,
    textOnly: settings.textOnly,
    elder: settings.elder,
  };
  for (const scheme of Object.keys(SCHEMES)) pressed[`scheme:${scheme}`] = settings.scheme === scheme;
  for (const node of bar.querySelectorAll<HTMLButtonElement>('button[aria-pressed]')) {
    node.setAttribute('aria-pressed', String(pressed[node.dataset.action ?? ''] ?? false));
  }
  zoomValue.textContent = `${Math.round(settings.zoom * 100)}%`;
  zoomOut.disabled = settings.zoom <= ZOOM_STEPS[0];
  zoomIn.disabled = settings.zoom >= ZOOM_STEPS[ZOOM_STEPS.length - 1];
  if (rateSelect) rateSelect.value = String(settings.rate);
}

function update(change: Partial<Settings>): void {
  settings = { ...settings, ...change };
  applySettings(root, settings);
  writeSettings(store, settings);
  if (!settings.follow) window.clearTimeout(pointTimer);
  syncRuntime();
  syncBar();
}

function setOpen(open: boolean): void {
  if (open && !bar.isConnected) (document.querySelector('.site-header') ?? document.body).after(bar);
  bar.hidden = !open;
  opener?.setAttribute('aria-expanded', String(open));
}

const onOff = (on: boolean) => (on ? '已开启' : '已关闭');

/** Does what a button or a shortcut asks; returns what to announce. */
function perform(action: string, fromKeyboard: boolean): void {
  let message = '';
  if (action.startsWith('scheme:')) {
    update({ scheme: action.slice('scheme:'.length) as Scheme });
    message = SCHEMES[settings.scheme];
  } else if (action === 'toolbar') {
    const open = !bar.isConnected || bar.hidden;
    setOpen(open);
    if (open && fromKeyboard) bar.querySelector<HTMLElement>('button, select')?.focus();
    if (!open && bar.contains(document.activeElement)) opener?.focus();
  } else if (action === 'close') {
    setOpen(false);
    opener?.focus();
  } else if (action === 'read') {
    if (!speech) message = '语音朗读：不支持';
    else if (speaking && fromKeyboard) stopSpeaking();
    else speak(mainText());
  } else if (action === 'stop') {
    stopSpeaking();
  } else if (action === 'zoomIn' || action === 'zoomOut') {
    update({ zoom: stepZoom(settings.zoom, action === 'zoomIn' ? 1 : -1) });
    message = `缩放 ${Math.round(settings.zoom * 100)}%`;
  } else if (action === 'scheme') {
    update({ scheme: nextScheme(settings.scheme) });
    message = SCHEMES[settings.scheme];
  } else if (action === 'reset') {
    stopSpeaking();
    update({ ...DEFAULTS });
    message = '已重置';
  } else if (action === 'follow' && !speech) {
    message = '语音朗读：不支持';
  } else if (action in DEFAULTS && typeof DEFAULTS[action as keyof Settings] === 'boolean') {
    const name = action as 'follow' | 'pointer' | 'crosshair' | 'caption' | 'textOnly' | 'elder';
    update({ [name]: !settings[name] });
    if (name === 'follow' && !settings.follow) stopSpeaking();
    message = `${bar.querySelector(`[data-action="${name}"]`)?.textContent ?? ''}${onOff(settings[name])}`;
  }
  if (message && fromKeyboard) announce(message);
}

/** Runs an action of the 无障碍 button (toolbar) or of a shortcut. */
export function run(action: Action, fromKeyboard: boolean): void {
  perform(action, fromKeyboard);
}

/** Starts what saved choices need in script (the crosshair, the caption bar, 指读), with the bar closed. */
export function start(): void {
  syncRuntime();
}

syncBar();
