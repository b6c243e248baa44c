/**
 * The id (编号) of an entry, from its Chinese title, as staff type it:
 * 毓秀阁 → yuxiuge, 红色南石 → hongse-nanshi (idFromTitle, pinyin-pro, loaded
 * only when a new entry opens). Decap cannot do this itself: its `slug` and
 * `identifier_field` only make the *file name* from a field (non-ASCII is
 * dropped with `encoding: ascii`, so a Chinese title gives nothing), and a
 * taken slug gets `-1` on the file name alone, leaving the id field and the
 * file name apart. So the id is its own field, and this widget fills it:
 *
 * - in a new entry it follows the title until the staff member types an id of
 *   their own (emptying the field makes it follow again); an id already used
 *   in the collection gets -2, -3 (the entries Decap lists for it, and the
 *   build's list of public ids when config.yml carries one, `taken`);
 * - once the entry has been saved it is shown, not edited: renaming breaks
 *   links and history (the file name is the id).
 */
import { Component, type CSSProperties } from 'react';
import { readOnlyStyles } from './widget-styles.ts';

type MakeId = (title: string, taken: ReadonlySet<string>) => string;

/** The widget's name in config.yml and in the editor's registry. */
export const ID_WIDGET = 'entry-id';

export const ID_NOTES = {
  following: '按名称自动生成，可以修改；第一次保存后不能再改',
  edited: '第一次保存后不能再改（清空即按名称重新生成）',
  locked: '已保存，不能修改：编号就是文件名，改动会使链接和修改记录失效',
} as const;

export type IdFieldView =
  | { mode: 'show'; text: string; note: string }
  | { mode: 'edit'; value: string; note: string; warning?: string };

/** What the id field shows. */
export function idFieldView(state: {
  value: string;
  isNew: boolean;
  following: boolean;
  taken: ReadonlySet<string>;
}): IdFieldView {
  if (!state.isNew) return { mode: 'show', text: state.value || '（未填写）', note: ID_NOTES.locked };
  const warning =
    state.value && state.taken.has(state.value)
      ? `编号“${state.value}”已被这一栏目的另一条内容使用，请换一个（例如 ${state.value}-2）`
      : undefined;
  return {
    mode: 'edit',
    value: state.value,
    note: state.following ? ID_NOTES.following : ID_NOTES.edited,
    ...(warning ? { warning } : {}),
  };
}

/**
 * The id a new entry should hold now, or undefined to leave it: while it follows
 * the title, the title's id among the taken ones; a copied entry whose id is taken
 * follows its title again.
 */
export function nextId(state: {
  value: string;
  title: string;
  following: boolean;
  taken: ReadonlySet<string>;
  makeId: MakeId;
}): string | undefined {
  if (!state.following) return undefined;
  const id = state.title.trim() ? state.makeId(state.title, state.taken) : '';
  return id === state.value ? undefined : id;
}

interface Immutable {
  get(key: string): unknown;
  getIn?(path: string[]): unknown;
}

interface ControlProps {
  value: unknown;
  field: Immutable;
  collection?: Immutable;
  onChange: (value: unknown) => void;
  getEntry?: () => Immutable | undefined;
  query?: (
    namespace: string,
    collection: string,
    fields: string[],
    term: string,
  ) => Promise<{ payload?: { hits?: { slug?: string; data?: Record<string, unknown> }[] } }>;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}

interface ControlState {
  following: boolean;
  taken: ReadonlySet<string>;
  makeId?: MakeId;
}

const styles = {
  ...readOnlyStyles,
  value: { ...readOnlyStyles.value, fontFamily: 'monospace' },
  warning: { fontSize: 13, margin: '0.4rem 0 0', color: '#a50f15', fontWeight: 600 },
} satisfies Record<string, CSSProperties>;

const asList = (value: unknown): string[] => {
  const plain =
    value && typeof (value as { toJS?: unknown }).toJS === 'function' ? (value as { toJS(): unknown }).toJS() : value;
  return Array.isArray(plain) ? plain.filter((item): item is string => typeof item === 'string') : [];
};

export class IdControl extends Component<ControlProps, ControlState> {
  /** Fixed when the editor opens: only a new entry's id can be chosen. */
  private readonly isNew = this.props.getEntry?.()?.get('newRecord') === true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private mounted = false;

  override state: ControlState = {
    following: this.isNew && !this.text(),
    taken: new Set(asList(this.props.field.get('taken'))),
  };

  private text(): string {
    return typeof this.props.value === 'string' ? this.props.value : '';
  }

  private title(): string {
    const titleField = String(this.props.field.get('title_field') ?? 'title');
    const title = this.props.getEntry?.()?.getIn?.(['data', titleField]);
    return typeof title === 'string' ? title : '';
  }

  /** Any edit of the entry (the title, typed or pasted, IME included) may change the id. */
  private readonly onEdit = () => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 0);
  };

  private update() {
    const { following, taken, makeId } = this.state;
    if (!this.mounted || !makeId) return;
    const id = nextId({ value: this.text(), title: this.title(), following, taken, makeId });
    if (id !== undefined) this.props.onChange(id);
  }

  override componentDidMount() {
    this.mounted = true;
    if (!this.isNew) return;
    document.addEventListener('input', this.onEdit, true);
    document.addEventListener('compositionend', this.onEdit, true);
    // pinyin-pro is large: loaded only when a new entry opens, as its own chunk.
    void import('../src/lib/content/ids.ts').then(({ idFromTitle }) => {
      if (this.mounted) this.setState({ makeId: idFromTitle }, () => this.update());
    });
    const collection = this.props.collection?.get('name');
    if (this.props.query && typeof collection === 'string') {
      void this.props
        .query(this.props.forID, collection, ['id'], '')
        .then((action) => {
          const ids = (action?.payload?.hits ?? []).map((hit) => String(hit.data?.id ?? hit.slug ?? ''));
          if (!this.mounted) return;
          const taken = new Set([...this.state.taken, ...ids.filter(Boolean)]);
          // A copy of an entry keeps its original's id: it follows its title again, and gets -2.
          const following = this.state.following || taken.has(this.text());
          this.setState({ taken, following }, () => this.update());
        })
        .catch(() => undefined);
    }
  }

  override componentWillUnmount() {
    this.mounted = false;
    clearTimeout(this.timer);
    document.removeEventListener('input', this.onEdit, true);
    document.removeEventListener('compositionend', this.onEdit, true);
  }

  /** Decap re-renders a widget only when its value changes; the note and the warning follow the state too. */
  shouldComponentUpdate() {
    return true;
  }

  override render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle, onChange } = this.props;
    const view = idFieldView({ value: this.text(), isNew: this.isNew, ...this.state });
    const noteId = `${forID}-note`;
    const note = (
      <p id={noteId} style={styles.note}>
        {view.note}
      </p>
    );
    if (view.mode === 'show') {
      return (
        <div data-id-field="show">
          <output id={forID} style={styles.value} aria-describedby={noteId}>
            {view.text}
          </output>
          {note}
        </div>
      );
    }
    return (
      <div data-id-field="edit">
        <input
          type="text"
          id={forID}
          className={classNameWrapper}
          value={view.value}
          lang="en"
          autoCapitalize="off"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={noteId}
          aria-invalid={view.warning ? true : undefined}
          onChange={(event) => {
            const value = event.target.value;
            onChange(value);
            // Typing an id of one's own stops it following the title; emptying it starts again.
            this.setState({ following: value === '' }, () => {
              if (value === '') this.update();
            });
          }}
          onFocus={setActiveStyle}
          onBlur={setInactiveStyle}
        />
        {note}
        {view.warning ? (
          <p style={styles.warning} role="alert">
            {view.warning}
          </p>
        ) : null}
      </div>
    );
  }
}

/** The value in the generic preview. */
export function IdPreview({ value }: { value: unknown }) {
  return <p>{typeof value === 'string' ? value : ''}</p>;
}
