import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useRef } from 'react';
import type { PullInItem, SprintPlanView } from '../../../../src/contract';
import { PullInItemRow } from './pull-in-item';
import type { PullIn } from './use-pull-in';

const listStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.100',
});

export const NO_SCHEDULE_NOTE = 'You need permission to schedule issues in this project to add work to a sprint.';
/** The most mitigations one `sprint/add-tasks` takes. */
export const MAX_BULK = 50;
const NO_CREATE_NOTE = 'You need permission to create issues in this project to create its task.';

interface Props {
  view: SprintPlanView;
  pullIn: PullIn;
  /** Bumped after each successful addition: focus goes back to the list's heading. */
  addedCount: number;
}

/** The security work the planned stories need that is not in the sprint, highest risk removed first. */
export function PullInList({ view, pullIn, addedCount }: Props) {
  const { pullIn: items, canSchedule, canCreateTasks } = view;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const running = pullIn.running.size > 0;
  const canAct = (item: PullInItem) => canSchedule && (item.place !== 'not-created' || canCreateTasks);
  const actionable = items.filter(canAct);
  const selectedItems = actionable.filter((item) => pullIn.selected.has(item.mitigationId));
  const allSelected = actionable.length > 0 && selectedItems.length === actionable.length;

  // The button pressed has left the list with its item; the heading takes focus instead.
  useEffect(() => {
    if (addedCount > 0) headingRef.current?.focus();
  }, [addedCount]);

  return (
    <Stack space="space.100">
      <Heading size="small" as="h3">
        <span ref={headingRef} tabIndex={-1}>
          Security work to pull in ({items.length})
        </span>
      </Heading>
      {items.length === 0 ? (
        <NothingToPullIn gaps={view.warnings.length} />
      ) : (
        <>
          {!canSchedule && (
            <Text as="p" size="small" color="color.text.subtle">
              {NO_SCHEDULE_NOTE}
            </Text>
          )}
          {actionable.length > 0 && (
            <Inline space="space.150" alignBlock="center" shouldWrap>
              <Checkbox
                label="Select all"
                isChecked={allSelected}
                isDisabled={running}
                onChange={(event) =>
                  pullIn.setAllSelected(
                    actionable.map((item) => item.mitigationId),
                    event.currentTarget.checked,
                  )
                }
              />
              <Button
                appearance="primary"
                isDisabled={running || selectedItems.length === 0 || selectedItems.length > MAX_BULK}
                onClick={() => pullIn.add(selectedItems)}
              >
                Add selected to sprint
              </Button>
              <Text size="small" color="color.text.subtle">
                {selectedItems.length} selected
                {selectedItems.length > MAX_BULK ? ` (at most ${MAX_BULK} at a time)` : ''}
              </Text>
            </Inline>
          )}
          {pullIn.error !== undefined && (
            <SectionMessage appearance="error" title="Could not add the work to the sprint">
              <Text as="p">
                <span role="alert">{pullIn.error}</span>
              </Text>
            </SectionMessage>
          )}
          <Box as="ol" xcss={listStyles} aria-label="Security work to pull in">
            {items.map((item) => (
              <PullInItemRow
                key={item.mitigationId}
                item={item}
                otherSprintName={view.mitigations.find((m) => m.id === item.mitigationId)?.otherSprintName}
                threats={view.threats}
                action={
                  canAct(item)
                    ? {
                        selected: pullIn.selected.has(item.mitigationId),
                        disabled: running,
                        running: pullIn.running.has(item.mitigationId),
                        onSelect: (on) => pullIn.setSelected(item.mitigationId, on),
                        onAdd: () => pullIn.add([item]),
                      }
                    : undefined
                }
                note={canSchedule && !canAct(item) ? NO_CREATE_NOTE : undefined}
              />
            ))}
          </Box>
        </>
      )}
      <Box role="status">
        <Text size="small" color="color.text.subtlest">
          {running ? `Adding ${[...pullIn.running].join(', ')} to ${view.sprint.name}…` : ''}
        </Text>
      </Box>
    </Stack>
  );
}

/**
 * Nothing to pull in: said as "all planned" only when there are no gaps either, so the message
 * never contradicts the warnings above it.
 */
export function NothingToPullIn({ gaps }: { gaps: number }) {
  if (gaps === 0) {
    return (
      <Text as="p" color="color.text.success">
        All the security work of this sprint’s stories is planned.
      </Text>
    );
  }
  return (
    <Text as="p" color="color.text.warning">
      {`Nothing left to pull in; ${gaps === 1 ? '1 gap above still needs' : `${gaps} gaps above still need`} a threat or a mitigation.`}
    </Text>
  );
}
