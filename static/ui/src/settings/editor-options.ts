export interface EditorOption {
  value: string;
  label: string;
}

/**
 * The options to pick from, plus any stored id Jira no longer lists (a deleted role or group),
 * so that saving does not drop it silently and the person sees it.
 */
export function editorOptions(
  known: Array<{ id: string; name: string }>,
  selectedIds: string[],
  unknownLabel: (id: string) => string,
): EditorOption[] {
  const options = known.map(({ id, name }) => ({ value: id, label: name }));
  const knownIds = new Set(known.map(({ id }) => id));
  const missing = selectedIds.filter((id) => !knownIds.has(id)).map((id) => ({ value: id, label: unknownLabel(id) }));
  return [...options, ...missing];
}

export function selectedOptions(options: EditorOption[], ids: string[]): EditorOption[] {
  return ids.flatMap((id) => options.filter((option) => option.value === id));
}
