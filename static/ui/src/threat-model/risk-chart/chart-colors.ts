import { token } from '@atlaskit/tokens';

// Design tokens follow the Jira theme (light, dark); the fallbacks are the light theme's values.
export const CHART_COLORS = {
  now: token('color.chart.brand', '#1D7AFC'),
  planned: token('color.chart.discovery.bold', '#8F7EE7'),
  grid: token('color.border', '#091E4224'),
  axis: token('color.border.bold', '#758195'),
  label: token('color.text.subtlest', '#626F86'),
  focus: token('color.border.focused', '#388BFF'),
  surface: token('elevation.surface', '#FFFFFF'),
  tolerance: token('color.border.danger', '#E2483D'),
};

export const PLANNED_DASH = '6 4';
export const TOLERANCE_DASH = '2 3';
