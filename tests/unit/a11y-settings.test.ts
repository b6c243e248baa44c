import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { savedNeedsRuntime } from '../../src/lib/a11y/keys.ts';
import {
  applySettings,
  DEFAULTS,
  ELDER_KEY,
  needsRuntime,
  nextScheme,
  parseSettings,
  readSettings,
  type Settings,
  STORAGE_KEY,
  serializeSettings,
  stepZoom,
  writeSettings,
  ZOOM_STEPS,
} from '../../src/lib/a11y/settings.ts';
import { actionFor, codesAgree, keysOf, SHORTCUTS } from '../../src/lib/a11y/shortcuts.ts';

/** A stand-in for <html>: its classes and attributes. */
function fakeRoot() {
  const classes = new Set<string>();
  const attributes = new Map<string, string>();
  return {
    classes,
    attributes,
    classList: {
      toggle: (name: string, force: boolean) => (force ? classes.add(name) : classes.delete(name)),
      add: (name: string) => classes.add(name),
    },
    setAttribute: (name: string, value: string) => attributes.set(name, value),
    removeAttribute: (name: string) => attributes.delete(name),
  };
}

function memoryStore(values: Record<string, string> = {}) {
  const map = new Map(Object.entries(values));
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => map.set(key, value),
  };
}

/** Runs public/elder-mode.js against a fake document and storage; returns what it set on <html>. */
function runBootstrap(values: Record<string, string>) {
  const root = fakeRoot();
  const source = readFileSync('public/elder-mode.js', 'utf8');
  new Function('document', 'localStorage', source)({ documentElement: root }, memoryStore(values));
  return root;
}

const ALL_ON: Settings = {
  elder: true,
  zoom: 1.5,
  scheme: 'dark',
  pointer: true,
  crosshair: true,
  caption: true,
  textOnly: true,
  follow: true,
  rate: 1.3,
};

describe('accessibility settings', () => {
  it('round-trips through storage, 大字模式 under its own key as before', () => {
    const store = memoryStore();
    writeSettings(store, ALL_ON);
    expect(store.getItem(ELDER_KEY)).toBe('on');
    expect(JSON.parse(store.getItem(STORAGE_KEY) ?? '')).not.toHaveProperty('elder');
    expect(readSettings(store)).toEqual(ALL_ON);
  });

  it('falls back to the defaults for anything unknown, broken or blocked', () => {
    expect(parseSettings('not json', null)).toEqual(DEFAULTS);
    expect(parseSettings('{"zoom":3,"scheme":"pink","pointer":"yes","rate":9}', 'maybe')).toEqual(DEFAULTS);
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readSettings(blocked)).toEqual(DEFAULTS);
    expect(() => writeSettings(blocked, ALL_ON)).not.toThrow();
  });

  it('zooms in steps from 1× to 2× and no further', () => {
    expect(ZOOM_STEPS[0]).toBe(1);
    expect(ZOOM_STEPS.at(-1)).toBe(2);
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1.1, 1)).toBe(1.25);
    expect(stepZoom(2, 1)).toBe(2);
    expect(stepZoom(1, -1)).toBe(1);
    expect(stepZoom(1.5, -1)).toBe(1.25);
    let zoom = 1;
    for (let i = 0; i < 10; i++) zoom = stepZoom(zoom, 1);
    expect(zoom).toBe(2);
  });

  it('cycles the colour schemes through the default', () => {
    expect(nextScheme('default')).toBe('dark');
    expect(nextScheme('dark')).toBe('light');
    expect(nextScheme('light')).toBe('default');
  });

  it('loads the toolbar at once only for choices that run in script', () => {
    expect(needsRuntime(DEFAULTS)).toBe(false);
    expect(needsRuntime({ ...DEFAULTS, zoom: 2, scheme: 'dark', pointer: true, textOnly: true, elder: true })).toBe(
      false,
    );
    expect(needsRuntime({ ...DEFAULTS, crosshair: true })).toBe(true);
    expect(needsRuntime({ ...DEFAULTS, caption: true })).toBe(true);
    expect(needsRuntime({ ...DEFAULTS, follow: true })).toBe(true);
    // The loader's own check, on the stored JSON, says the same.
    for (const settings of [DEFAULTS, ALL_ON, { ...DEFAULTS, caption: true }, { ...DEFAULTS, zoom: 2 }]) {
      expect(savedNeedsRuntime(serializeSettings(settings))).toBe(needsRuntime(settings));
    }
    expect(savedNeedsRuntime('{')).toBe(false);
    expect(savedNeedsRuntime('null')).toBe(false);
  });

  it.each([
    ['nothing saved', {}],
    ['everything on', { [STORAGE_KEY]: serializeSettings(ALL_ON), [ELDER_KEY]: 'on' }],
    ['the light scheme at 1.1×', { [STORAGE_KEY]: serializeSettings({ ...DEFAULTS, scheme: 'light', zoom: 1.1 }) }],
    ['a broken value', { [STORAGE_KEY]: '{', [ELDER_KEY]: 'off' }],
  ])('the bootstrap (public/elder-mode.js) restores what applySettings sets: %s', (_name, values) => {
    const bootstrapped = runBootstrap(values);
    const applied = fakeRoot();
    applySettings(applied, readSettings(memoryStore(values)));
    expect(bootstrapped.classes).toEqual(new Set([...applied.classes, 'a11y-ready']));
    expect(bootstrapped.attributes).toEqual(applied.attributes);
  });

  it('the bootstrap stays tiny', () => {
    expect(readFileSync('public/elder-mode.js').length).toBeLessThan(2048);
  });
});

describe('accessibility shortcuts', () => {
  const press = (code: string, modifiers: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>>) => ({
    altKey: false,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    code,
    ...modifiers,
  });

  it('are Alt+Shift and a key, each key once, none that Chrome or a screen reader takes', () => {
    const codes = SHORTCUTS.map((shortcut) => shortcut.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).not.toContain('KeyI');
    expect(codes).not.toContain('KeyT');
    for (const shortcut of SHORTCUTS) expect(shortcut.keys).toMatch(/^Alt\+Shift\+.$/);
    expect(codesAgree()).toBe(true);
  });

  it('match only with exactly Alt and Shift held', () => {
    expect(actionFor(press('KeyA', { altKey: true, shiftKey: true }))).toBe('toolbar');
    expect(actionFor(press('Equal', { altKey: true, shiftKey: true }))).toBe('zoomIn');
    expect(actionFor(press('Digit0', { altKey: true, shiftKey: true }))).toBe('reset');
    expect(actionFor(press('KeyA', { altKey: true }))).toBeUndefined();
    expect(actionFor(press('KeyA', { shiftKey: true }))).toBeUndefined();
    expect(actionFor(press('KeyA', {}))).toBeUndefined();
    expect(actionFor(press('KeyA', { altKey: true, shiftKey: true, ctrlKey: true }))).toBeUndefined();
    expect(actionFor(press('KeyQ', { altKey: true, shiftKey: true }))).toBeUndefined();
    expect(keysOf('crosshair')).toBe('Alt+Shift+X');
  });
});
