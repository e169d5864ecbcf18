import { Label } from '@atlaskit/form';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import Select, { type GroupType } from '@atlaskit/select';
import { useId } from 'react';
import type { SprintChoice } from '../../../../src/contract';

const pickerStyles = xcss({ maxWidth: '420px' });

interface SprintOption {
  value: number;
  label: string;
}

const STATES = { active: 'active', future: 'future' } as const;

/** The sprint to plan: active first, then future ones; grouped by board when the project has several. */
export function SprintPicker({
  sprints,
  value,
  onChange,
}: {
  sprints: SprintChoice[];
  value: number;
  onChange: (sprintId: number) => void;
}) {
  const inputId = useId();
  const optionOf = (sprint: SprintChoice): SprintOption => ({
    value: sprint.id,
    label: `${sprint.name} (${STATES[sprint.state]})`,
  });
  const boards = [...new Set(sprints.map((sprint) => sprint.boardName))];
  const options: SprintOption[] | GroupType<SprintOption>[] =
    boards.length > 1
      ? boards.map((board) => ({
          label: board,
          options: sprints.filter((sprint) => sprint.boardName === board).map(optionOf),
        }))
      : sprints.map(optionOf);
  const chosen = sprints.find((sprint) => sprint.id === value);

  return (
    <Box xcss={pickerStyles}>
      <Stack space="space.050">
        <Label htmlFor={inputId}>Sprint</Label>
        <Select<SprintOption>
          inputId={inputId}
          options={options}
          value={chosen ? optionOf(chosen) : null}
          isSearchable={sprints.length > 8}
          onChange={(option) => {
            if (option) onChange(option.value);
          }}
        />
      </Stack>
    </Box>
  );
}

/** Sprints in the order to offer them, each once (a sprint can show on several boards). */
export function orderSprints(sprints: SprintChoice[]): SprintChoice[] {
  const seen = new Set<number>();
  const unique = sprints.filter((sprint) => !seen.has(sprint.id) && seen.add(sprint.id));
  return [
    ...unique.filter((sprint) => sprint.state === 'active'),
    ...unique.filter((sprint) => sprint.state === 'future'),
  ];
}
