import type { MitigationStatus } from '../../../../src/domain/mitigation/mitigation';
import type { SettingsView, ThreatModelSettings } from '../../../../src/contract';
import type { StatusCategoryKey, StatusMapping } from '../../../../src/domain/mitigation/task-status';

/** Jira's status categories, as Jira names them on a board. */
export const CATEGORIES: Array<{ key: StatusCategoryKey; label: string }> = [
  { key: 'new', label: 'To Do' },
  { key: 'indeterminate', label: 'In Progress' },
  { key: 'done', label: 'Done' },
];

export interface StatusOverride {
  statusName: string;
  status: MitigationStatus;
}

export const overridesOf = (mapping: StatusMapping): StatusOverride[] =>
  Object.entries(mapping.byStatusName).map(([statusName, status]) => ({ statusName, status }));

export const withOverrides = (mapping: StatusMapping, overrides: StatusOverride[]): StatusMapping => ({
  ...mapping,
  byStatusName: Object.fromEntries(overrides.map((override) => [override.statusName, override.status])),
});

/**
 * A new override row: the first workflow status without one, starting at what its category
 * maps to, so adding a row changes nothing until the person picks another status.
 */
export function nextOverride(mapping: StatusMapping, statuses: SettingsView['statuses']): StatusOverride | undefined {
  const taken = new Set(Object.keys(mapping.byStatusName).map((name) => name.toLowerCase()));
  const free = statuses.find((status) => !taken.has(status.name.toLowerCase()));
  return free && { statusName: free.name, status: mapping.byCategory[free.categoryKey] };
}

/** Whether two settings say the same; the order of picked roles, groups or overrides does not matter. */
export function sameSettings(a: ThreatModelSettings, b: ThreatModelSettings): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

function normalized(settings: ThreatModelSettings) {
  const { byCategory, byStatusName } = settings.statusMapping;
  return [
    [...settings.editorRoleIds].sort(),
    [...settings.editorGroupIds].sort(),
    settings.taskIssueTypeName,
    CATEGORIES.map(({ key }) => byCategory[key]),
    Object.entries(byStatusName).sort(([x], [y]) => x.localeCompare(y)),
    settings.storyCoverage,
    { ...settings.risk, accepterRoleIds: [...settings.risk.accepterRoleIds].sort() },
  ];
}
