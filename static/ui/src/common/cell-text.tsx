import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';

// Wrapped between words only: a word breaks only when it alone is wider than the cell. (The
// primitives' Text wraps "anywhere", which lets a table squeeze a title to a few letters a line.)
export const WORD_WRAP: CSSProperties = { overflowWrap: 'break-word', wordBreak: 'normal', hyphens: 'manual' };

const STYLES: Record<'body' | 'medium' | 'small' | 'success', CSSProperties> = {
  body: { font: token('font.body', 'normal 400 14px/20px ui-sans-serif, sans-serif') },
  medium: { font: token('font.body', 'normal 400 14px/20px ui-sans-serif, sans-serif'), fontWeight: 500 },
  success: {
    font: token('font.body', 'normal 400 14px/20px ui-sans-serif, sans-serif'),
    fontWeight: 500,
    color: token('color.text.success', '#216E4E'),
  },
  small: {
    font: token('font.body.small', 'normal 400 12px/16px ui-sans-serif, sans-serif'),
    color: token('color.text.subtle', '#44546F'),
  },
};

interface Props {
  children: ReactNode;
  look?: keyof typeof STYLES;
  /** The narrowest it may be, e.g. '12em' for a title. */
  minWidth?: string;
  testId?: string;
}

/** Text in a table cell, wrapped at word boundaries, never mid-word. */
export function CellText({ children, look = 'body', minWidth, testId }: Props) {
  return (
    <span data-testid={testId} style={{ display: 'block', ...WORD_WRAP, ...STYLES[look], minWidth }}>
      {children}
    </span>
  );
}
