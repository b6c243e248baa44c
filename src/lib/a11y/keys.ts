/**
 * The little the toolbar's loader needs on every page before the toolbar itself loads: which keys are its
 * shortcuts (the labels live in shortcuts.ts, loaded with the toolbar) and whether saved choices need the toolbar
 * at once. Kept apart so the loader stays a few hundred bytes.
 */
export type Action =
  | 'toolbar'
  | 'read'
  | 'follow'
  | 'zoomIn'
  | 'zoomOut'
  | 'scheme'
  | 'pointer'
  | 'crosshair'
  | 'caption'
  | 'textOnly'
  | 'elder'
  | 'reset';

/** KeyboardEvent.code of each shortcut, pressed with Alt+Shift. */
export const CODES: Record<string, Action> = {
  KeyA: 'toolbar',
  KeyR: 'read',
  KeyF: 'follow',
  Equal: 'zoomIn',
  Minus: 'zoomOut',
  KeyC: 'scheme',
  KeyM: 'pointer',
  KeyX: 'crosshair',
  KeyZ: 'caption',
  KeyW: 'textOnly',
  KeyE: 'elder',
  Digit0: 'reset',
};

interface KeyLike {
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  code: string;
}

/** The action of a key press, if it is one of the shortcuts: exactly Alt and Shift held. */
export function actionFor(event: KeyLike): Action | undefined {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return undefined;
  // Not Object.hasOwn: older WeChat WebViews lack it. Inherited names (toString…) are not strings here.
  const action: unknown = CODES[event.code];
  return typeof action === 'string' ? (action as Action) : undefined;
}

/** Whether the saved settings (the JSON under the `a11y` key) turn on what runs in script: 十字线, 大字幕, 指读. */
export function savedNeedsRuntime(raw: string | null): boolean {
  try {
    const saved = JSON.parse(raw ?? '{}');
    return Boolean(saved) && (saved.crosshair === true || saved.caption === true || saved.follow === true);
  } catch {
    return false;
  }
}
