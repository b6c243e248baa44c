/**
 * A field the district decides, in a street office's editor: a choice among
 * the values an office may still give it, or its value as text with a line
 * saying the district sets it. What is offered and shown comes from
 * src/lib/cms/district-field.ts; this only draws it. Read-only, it never
 * calls onChange, so the entry keeps the value it was loaded with.
 */
import { Component } from 'react';
import { type DistrictFieldView, displayValue, districtFieldView, specOf } from '../src/lib/cms/district-field.ts';
import { readOnlyStyles } from './widget-styles.ts';

interface ControlProps {
  value: unknown;
  field: { get(key: string): unknown };
  onChange: (value: unknown) => void;
  getEntry?: () => { get(key: string): unknown } | undefined;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}

const styles = readOnlyStyles;

export class DistrictControl extends Component<ControlProps> {
  /** Fixed when the editor opens: a new entry starts where an office may start it. */
  private readonly isNew = this.props.getEntry?.()?.get('newRecord') === true;

  private view(): DistrictFieldView {
    return districtFieldView(specOf(this.props.field), this.props.value, this.isNew);
  }

  componentDidMount() {
    const { write } = this.view();
    if (write) this.props.onChange(write.value);
  }

  render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle, onChange } = this.props;
    const view = this.view();
    const noteId = `${forID}-note`;
    const note = view.note ? (
      <p id={noteId} style={styles.note}>
        {view.note}
      </p>
    ) : null;
    if (view.mode === 'show') {
      return (
        <div data-district-field="show">
          {/* An <output> is labelled by Decap's <label for>, and read as text, not as a disabled control. */}
          <output id={forID} style={styles.value} aria-describedby={view.note ? noteId : undefined} aria-live="off">
            {view.text}
          </output>
          {note}
        </div>
      );
    }
    return (
      <div data-district-field="choose">
        <select
          id={forID}
          className={classNameWrapper}
          value={view.selected}
          aria-describedby={view.note ? noteId : undefined}
          onChange={(event) => {
            if (view.options.some((option) => option.value === event.target.value)) onChange(event.target.value);
          }}
          onFocus={setActiveStyle}
          onBlur={setInactiveStyle}
        >
          {view.placeholder ? (
            <option value="" disabled>
              {view.placeholder}
            </option>
          ) : null}
          {view.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {note}
      </div>
    );
  }
}

/** The value in the generic preview. */
export function DistrictPreview({ value, field }: { value: unknown; field: { get(key: string): unknown } }) {
  return <p>{displayValue(specOf(field), value) || '未填写'}</p>;
}
