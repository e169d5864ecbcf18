import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';

export const TABLE: CSSProperties = { width: '100%', borderCollapse: 'collapse' };
export const HEAD: CSSProperties = {
  textAlign: 'left',
  padding: `${token('space.050', '4px')} ${token('space.100', '8px')} ${token('space.050', '4px')} 0`,
  borderBottom: `2px solid ${token('color.border', '#091E4224')}`,
  color: token('color.text.subtle', '#44546F'),
  font: token('font.heading.xxsmall', 'normal 653 12px/16px ui-sans-serif, sans-serif'),
};
export const CELL: CSSProperties = {
  padding: `${token('space.075', '6px')} ${token('space.100', '8px')} ${token('space.075', '6px')} 0`,
  borderBottom: `1px solid ${token('color.border', '#091E4224')}`,
  verticalAlign: 'middle',
  width: '45%',
};
export const ACTION_CELL: CSSProperties = { ...CELL, width: '10%', textAlign: 'right' };
