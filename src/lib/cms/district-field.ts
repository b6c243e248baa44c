/**
 * What a street office's editor shows for a field that records a district
 * decision (`setBy: 'district'` in src/schema/), apart from Decap: which
 * values the office may still choose, the text shown when it may not, and the
 * value a new entry starts with. The widget (cms/district-field.tsx) only
 * draws this; the rule itself is the schema's, and the ownership check
 * (src/lib/access/) enforces it on every change:
 *
 * - with `officeValues` (a sign-up's stage, a brand's status): the office
 *   chooses among them while the entry's value is one of them (or absent); a
 *   new entry starts with the first. Once the district has moved it beyond,
 *   the value is shown read-only.
 * - without (a brand's round, a sign-up's brand, a site's belt): always shown
 *   read-only; a new entry leaves it out.
 *
 * Read-only means the widget never writes: the entry keeps exactly the value
 * it was loaded with.
 */

/** The widget's name in config.yml and in the editor's registry. */
export const DISTRICT_WIDGET = 'district';

export interface Choice {
  label: string;
  value: string;
}

/** The district widget's options in config.yml (written by src/lib/cms/config.ts). */
export interface DistrictFieldSpec {
  /** Chinese labels of the values (a choice list, or the entries a reference can name). */
  choices?: Choice[];
  /** The values an office may choose itself, the first being a new entry's. */
  office_values?: string[];
  /** The parts of a group value (e.g. a belt and the stop's order), in order, with their labels. */
  parts?: Part[];
}

/** One part of a group value. */
export interface Part {
  name: string;
  label: string;
  choices?: Choice[];
}

export type DistrictFieldView = (
  | { mode: 'choose'; options: Choice[]; selected: string; placeholder?: string }
  | { mode: 'show'; text: string }
) & {
  /** One line under the value: who decides it. */
  note: string;
  /** Present when the editor must write this value at once (a new entry only). */
  write?: { value: unknown };
};

export const EMPTY_TEXT = '未填写（由区级填写）';
export const PLACEHOLDER = '请选择';
export const NOTES = {
  /** The office may choose, but not every value. */
  choose: '其他选项由区级修改',
  /** The only value an office may give it is the one it has. */
  kept: '之后由区级修改',
  /** The district has moved it beyond what an office may choose. */
  moved: '由区级修改，街道不能更改',
  /** The district alone fills it. */
  filled: '由区级填写，街道不能更改',
} as const;

/** A plain value from whatever the editor holds (Immutable maps and lists included). */
export function plainValue(value: unknown): unknown {
  return value && typeof (value as { toJS?: unknown }).toJS === 'function'
    ? (value as { toJS(): unknown }).toJS()
    : value;
}

const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.every(isBlank)) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every(isBlank));

/** The value as a line of Chinese text: a choice's label, a group's parts with their labels. */
export function displayValue(spec: Pick<DistrictFieldSpec, 'choices' | 'parts'>, raw: unknown): string {
  const value = plainValue(raw);
  if (isBlank(value)) return '';
  if (Array.isArray(value))
    return value
      .map((item) => displayValue({ choices: spec.choices }, item))
      .filter(Boolean)
      .join('、');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const parts: Part[] = spec.parts ?? Object.keys(record).map((name) => ({ name, label: name }));
    return parts
      .filter((part) => !isBlank(record[part.name]))
      .map((part) => `${part.label}：${displayValue(part, record[part.name])}`)
      .join('，');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = String(value);
  return spec.choices?.find((choice) => choice.value === text)?.label ?? text;
}

/** The office's choice among its values, `value` being one of them or absent. */
function officeChoice(spec: DistrictFieldSpec, office: string[], value: string | undefined): DistrictFieldView {
  const options = office.map((item) => ({ value: item, label: displayValue(spec, item) }));
  const [only] = options;
  if (options.length === 1 && only && value === only.value) return { mode: 'show', text: only.label, note: NOTES.kept };
  return {
    mode: 'choose',
    options,
    selected: value ?? '',
    ...(value === undefined ? { placeholder: PLACEHOLDER } : {}),
    note: NOTES.choose,
  };
}

/** What a street office's editor shows for a district field holding `raw`, in a new entry or an existing one. */
export function districtFieldView(spec: DistrictFieldSpec, raw: unknown, isNew: boolean): DistrictFieldView {
  const value = plainValue(raw);
  const office = spec.office_values ?? [];
  const officeValue = typeof value === 'string' && office.includes(value) ? value : undefined;
  if (isNew) {
    // A new entry (a copy of another, or a link with values) starts where an office may start it.
    const [first] = office;
    if (first !== undefined) {
      const start = officeValue ?? first;
      const view = officeChoice(spec, office, start);
      return start === value ? view : { ...view, write: { value: start } };
    }
    return { mode: 'show', text: EMPTY_TEXT, note: '', ...(isBlank(value) ? {} : { write: { value: undefined } }) };
  }
  if (office.length && (officeValue !== undefined || isBlank(value))) return officeChoice(spec, office, officeValue);
  if (isBlank(value)) return { mode: 'show', text: EMPTY_TEXT, note: '' };
  return { mode: 'show', text: displayValue(spec, value), note: office.length ? NOTES.moved : NOTES.filled };
}

/** The widget's options from its Decap field (an Immutable map) or a plain object. */
export function specOf(field: { get(key: string): unknown }): DistrictFieldSpec {
  const read = <T>(key: string) => plainValue(field.get(key)) as T | undefined;
  const choices = read<Choice[]>('choices');
  const office = read<string[]>('office_values');
  const parts = read<DistrictFieldSpec['parts']>('parts');
  return {
    ...(choices ? { choices } : {}),
    ...(office ? { office_values: office } : {}),
    ...(parts ? { parts } : {}),
  };
}
