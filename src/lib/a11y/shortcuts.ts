/**
 * The toolbar's keyboard shortcuts: Alt+Shift and a key, matched by the key's position (event.code), so they
 * work whatever the keyboard layout or input method. Screen readers use Insert or Caps Lock (NVDA, JAWS,
 * Narrator), Ctrl+Option (VoiceOver) or single letters in browse mode: none of them Alt+Shift and a letter.
 * Left out: Alt+Shift+I and Alt+Shift+T, which Chrome uses (feedback form, focus the toolbar).
 */
import { type Action, CODES } from './keys.ts';

export { actionFor } from './keys.ts';
export type { Action };

export interface Shortcut {
  action: Action;
  /** KeyboardEvent.code */
  code: string;
  /** As aria-keyshortcuts writes it. */
  keys: string;
  label: string;
}

const shortcut = (action: Action, code: string, key: string, label: string): Shortcut => ({
  action,
  code,
  keys: `Alt+Shift+${key}`,
  label,
});

export const SHORTCUTS: Shortcut[] = [
  shortcut('toolbar', 'KeyA', 'A', '打开或关闭无障碍工具条'),
  shortcut('read', 'KeyR', 'R', '朗读正文，再按一次停止'),
  shortcut('follow', 'KeyF', 'F', '指读：朗读指向或聚焦的内容'),
  shortcut('zoomIn', 'Equal', '=', '放大'),
  shortcut('zoomOut', 'Minus', '-', '缩小'),
  shortcut('scheme', 'KeyC', 'C', '切换配色'),
  shortcut('pointer', 'KeyM', 'M', '大鼠标'),
  shortcut('crosshair', 'KeyX', 'X', '十字线'),
  shortcut('caption', 'KeyZ', 'Z', '大字幕'),
  shortcut('textOnly', 'KeyW', 'W', '纯文本'),
  shortcut('elder', 'KeyE', 'E', '大字模式'),
  shortcut('reset', 'Digit0', '0', '重置'),
];

export const keysOf = (action: Action): string =>
  SHORTCUTS.find((candidate) => candidate.action === action)?.keys ?? '';

/** Every code of the loader's list has its label here, and no other. */
export const codesAgree = (): boolean =>
  SHORTCUTS.length === Object.keys(CODES).length &&
  SHORTCUTS.every((candidate) => CODES[candidate.code] === candidate.action);
