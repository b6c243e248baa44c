import type { CSSProperties } from 'react';

/** How the editor's own widgets show a value that cannot be changed here, and a note under it. */
export const readOnlyStyles = {
  value: {
    display: 'block',
    padding: '12px 16px',
    borderRadius: 5,
    background: '#f3f1ee',
    border: '1px dashed #b8b0a5',
    color: '#2b2b2b',
    fontSize: 15,
    lineHeight: 1.5,
  },
  note: { fontSize: 13, margin: '0.4rem 0 0', color: '#4a4a4a' },
} satisfies Record<string, CSSProperties>;
