import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';

// The look of @atlaskit/dynamic-table, which has no expandable rows.
export const TABLE: CSSProperties = { width: '100%', borderCollapse: 'collapse', tableLayout: 'auto' };

export const HEAD_CELL: CSSProperties = {
  textAlign: 'left',
  verticalAlign: 'bottom',
  padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`,
  borderBottom: `2px solid ${token('color.border', '#091E4224')}`,
  color: token('color.text.subtle', '#44546F'),
  font: token('font.heading.xxsmall', 'normal 653 12px/16px ui-sans-serif, sans-serif'),
  whiteSpace: 'nowrap',
};

export const SORT_BUTTON: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: token('space.050', '4px'),
  padding: 0,
  border: 'none',
  background: 'none',
  color: 'inherit',
  font: 'inherit',
  cursor: 'pointer',
};

export const CELL: CSSProperties = {
  padding: token('space.100', '8px'),
  borderBottom: `1px solid ${token('color.border', '#091E4224')}`,
  verticalAlign: 'middle',
};

export const EXPANDED_CELL: CSSProperties = {
  ...CELL,
  padding: `${token('space.150', '12px')} ${token('space.200', '16px')} ${token('space.200', '16px')} ${token('space.400', '32px')}`,
  background: token('elevation.surface.sunken', '#F7F8F9'),
};
