import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useRef } from 'react';
import type { PullInItem, SprintPlanView, SprintWarning } from '../../../../src/contract';
import { PULL_IN_MOST, PULL_IN_PAGE_SIZE } from '../../../../src/domain/sprint/sprint-window';
import { AfterSprintPreview } from './after-sprint-preview';
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
  /** Lists more of the work (the answer lists the first pieces only); loading while asked for. */
  showMore?: { loading: boolean; onShowMore: () => void };
}

/** The security work the planned stories need that is not in the sprint, highest risk removed first. */
export function PullInList({ view, pullIn, addedCount, showMore }: Props) {
  const { pullIn: items, pullInCount, canSchedule, canCreateTasks } = view;
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
          Security work to pull in ({pullInCount.toLocaleString('en-US')})
        </span>
      </Heading>
      {items.length === 0 ? (
        <NothingToPullIn warnings={view.warnings} />
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
                // Only what is listed can be ticked: with more work than listed, "all" says so.
                label={items.length < pullInCount ? 'Select all shown' : 'Select all'}
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
          {actionable.length > 0 && <AfterSprintPreview risk={view.risk} selected={selectedItems} />}
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
                otherSprintName={item.otherSprintName}
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
          {showMore && <MoreWork shown={items.length} count={pullInCount} {...showMore} />}
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

/** "Show 50 more", until the most one answer lists; past that, what to do to see the rest. */
function MoreWork({
  shown,
  count,
  loading,
  onShowMore,
}: {
  shown: number;
  count: number;
  loading: boolean;
  onShowMore: () => void;
}) {
  if (shown >= count) return null;
  const more = Math.min(PULL_IN_PAGE_SIZE, count - shown, PULL_IN_MOST - shown);
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      {more > 0 && (
        <Button spacing="compact" isDisabled={loading} onClick={onShowMore}>
          {loading ? 'Loading…' : `Show ${more} more`}
        </Button>
      )}
      <Text size="small" color="color.text.subtle">
        {`Showing the ${shown.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} that remove the most risk`}
        {more > 0 ? '.' : '; pull some in to see the rest.'}
      </Text>
    </Inline>
  );
}

const GAP_NEEDS: Record<SprintWarning['kind'], [string, string]> = {
  'threat-without-mitigation': ['threat without a mitigation', 'threats without a mitigation'],
  'clause-without-threat': ['clause without a threat', 'clauses without a threat'],
  'story-needs-threat-modeling': ['story without WITHOUT clauses', 'stories without WITHOUT clauses'],
};

/** "2 threats without a mitigation, 1 clause without a threat": the gaps above, by kind. */
export function gapKinds(warnings: SprintWarning[]): string {
  const counts = new Map<SprintWarning['kind'], number>();
  for (const w of warnings) counts.set(w.kind, (counts.get(w.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${GAP_NEEDS[kind][n === 1 ? 0 : 1]}`).join(', ');
}

/**
 * Nothing to pull in: said as "all planned" only when there are no gaps either, so the message
 * never contradicts the warnings above it; otherwise it names what the gaps still need.
 */
export function NothingToPullIn({ warnings }: { warnings: SprintWarning[] }) {
  if (warnings.length === 0) {
    return (
      <Text as="p" color="color.text.success">
        All the security work of this sprint’s stories is planned.
      </Text>
    );
  }
  const n = warnings.length;
  return (
    <Text as="p" color="color.text.warning">
      {`Nothing left to pull in; ${n === 1 ? '1 gap above still needs' : `${n} gaps above still need`} work: ${gapKinds(warnings)}.`}
    </Text>
  );
}
