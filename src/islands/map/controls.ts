/**
 * The map page's controls without the map: the filter form, the address bar,
 * the server-rendered site list and the result count. It runs whether or not
 * the map itself can load (no WebGL still gets a filterable list), and tells
 * the map about every change.
 */
import {
  describeFilters,
  type Filterable,
  filtersFromForm,
  filtersToQuery,
  type KnownValues,
  type MapFilters,
  matchesFilters,
  parseFilters,
} from '../../lib/map/map-filters.ts';

export interface Controls {
  /** The filters now in force. */
  filters(): MapFilters;
  /** Calls back on every change of the filters (not for the initial state). */
  onChange(callback: (filters: MapFilters) => void): void;
  /** Once the map draws the sites, it reports the count itself. */
  takeOverCount(): void;
  /** Writes the result count (and any message) into the status line. */
  setStatus(count: number, message?: string): void;
  /** Says something to screen readers and sighted users alike, in the status line. */
  announce(message: string): void;
}

interface ListItem extends Filterable {
  element: HTMLElement;
}

export function setupControls(app: HTMLElement): Controls {
  const form = app.querySelector<HTMLFormElement>('form[data-map-filters]');
  const status = app.querySelector<HTMLElement>('[data-map-status]');
  const values = (name: string) =>
    [...(form?.querySelectorAll<HTMLOptionElement>(`select[name="${name}"] option`) ?? [])]
      .map((option) => option.value)
      .filter(Boolean);
  const known: KnownValues = {
    streets: values('street'),
    types: values('type'),
    categories: values('category'),
    belts: values('belt'),
  };
  const optionText = (name: string, value: string) =>
    form?.querySelector<HTMLOptionElement>(`select[name="${name}"] option[value="${CSS.escape(value)}"]`)?.text;

  const items: ListItem[] = [...document.querySelectorAll<HTMLElement>('[data-site-item]')].map((element) => ({
    element,
    street: element.dataset.street ?? '',
    type: element.dataset.type ?? '',
    categories: (element.dataset.categories ?? '').split(' ').filter(Boolean),
    belt: element.dataset.belt ? { id: element.dataset.belt } : undefined,
  }));
  const groups = [...document.querySelectorAll<HTMLElement>('[data-site-group]')];
  const beltPanels = [...document.querySelectorAll<HTMLElement>('[data-belt-panel]')];

  let filters = parseFilters(location.search, known);
  let mapCounts = false;
  const listeners: ((filters: MapFilters) => void)[] = [];

  const writeForm = () => {
    if (!form) return;
    for (const select of form.querySelectorAll('select')) {
      select.value = filters[select.name as keyof MapFilters] ?? '';
    }
  };

  const statusText = (count: number, message = '') => {
    const scope = describeFilters(filters, optionText);
    return `${scope ? `${scope}：` : ''}共 ${count} 个阵地${message ? `。${message}` : ''}`;
  };

  const setStatus = (count: number, message?: string) => {
    if (status) status.textContent = statusText(count, message);
  };

  const applyToList = () => {
    let visible = 0;
    for (const item of items) {
      const shown = matchesFilters(item, filters);
      item.element.hidden = !shown;
      if (shown) visible++;
    }
    for (const group of groups) {
      group.hidden = !group.querySelector('[data-site-item]:not([hidden])');
    }
    for (const panel of beltPanels) panel.hidden = panel.dataset.beltPanel !== filters.belt;
    app.classList.toggle('has-belt', Boolean(filters.belt));
    if (!mapCounts) setStatus(visible);
  };

  const change = (next: MapFilters) => {
    filters = next;
    const url = `${location.pathname}${filtersToQuery(filters)}${location.hash}`;
    history.replaceState(history.state, '', url);
    writeForm();
    applyToList();
    for (const listener of listeners) listener(filters);
  };

  if (form) {
    form.addEventListener('change', () => change(filtersFromForm(new FormData(form), known)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      change(filtersFromForm(new FormData(form), known));
    });
    form.addEventListener('reset', (event) => {
      event.preventDefault();
      change({});
    });
    form.hidden = false;
  }
  writeForm();
  applyToList();

  return {
    filters: () => filters,
    onChange: (callback) => listeners.push(callback),
    takeOverCount: () => {
      mapCounts = true;
    },
    setStatus,
    announce: (message) => {
      if (status) status.textContent = message;
    },
  };
}
