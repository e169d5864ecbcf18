import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useId, useState } from 'react';
import type { MitigationDraft } from '../../../../src/domain/mitigation/mitigation';
import type { MitigationView, ThreatRisk } from '../../../../src/contract';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import { useEditing } from '../common/editing';
import { useFocusOnRequest, useRequestFocus } from '../common/focus-request';
import { MitigationForm } from '../mitigation/mitigation-form';
import { ThreatRiskText } from '../mitigation/threat-risk-text';
import { editMitigationKey, MitigationItem } from './mitigation-item';
import type { MitigationActions } from './use-story-clauses';

/** Up to this many mitigations a threat's list starts open; more start folded. */
export const EXPANDED_AT_MOST = 3;

const listStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.050',
});
const formStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});
const detailsStyles = xcss({ paddingInlineStart: 'space.100' });

const DEFAULT_STRENGTH = 50;

export interface ThreatMitigationsProps {
  /** Where the threat is listed (a clause id, or "direct"): a threat can be under several clauses. */
  scope: string;
  threatId: string;
  threat: ThreatView | undefined;
  risk: ThreatRisk | undefined;
  /** Every mitigation of the story's threats; those addressing this threat are shown. */
  mitigations: MitigationView[];
  /** Threats a mitigation may be set to address from here. */
  formThreats: Array<{ id: string; title: string }>;
  canEdit: boolean;
  canCreateTasks: boolean;
  actions: MitigationActions;
  /** Open the list whatever its length (the threat was just linked from a suggestion). */
  startExpanded?: boolean;
}

type OpenForm = { kind: 'add' } | { kind: 'edit'; mitigation: MitigationView };

const addKey = (scope: string, threatId: string) => `add-mitigation:${scope}:${threatId}`;

/** Under a linked threat: what is left of its risk, its mitigations, and the ways to add and change them. */
export function ThreatMitigations({
  scope,
  threatId,
  threat,
  risk,
  mitigations,
  formThreats,
  canEdit,
  canCreateTasks,
  actions,
  startExpanded = false,
}: ThreatMitigationsProps) {
  const listId = useId();
  const mine = mitigations.filter((m) => m.addresses.some((a) => a.threatId === threatId)).sort(rejectedLast);
  const [expanded, setExpanded] = useState(startExpanded || mine.length <= EXPANDED_AT_MOST);
  const [form, setForm] = useState<OpenForm>();
  useEditing(form !== undefined);
  const requestFocus = useRequestFocus();
  const addRef = useFocusOnRequest<HTMLButtonElement>(addKey(scope, threatId), form === undefined);
  const canAdd = canEdit && threat !== undefined && threat.state === 'active';

  function close(focus: string) {
    setForm(undefined);
    requestFocus(focus);
  }

  async function submit(draft: MitigationDraft): Promise<string | undefined> {
    if (!form) return undefined;
    const error =
      form.kind === 'add'
        ? await actions.add(draft)
        : await actions.update(form.mitigation.id, form.mitigation.revision, draft);
    if (error === undefined) {
      setExpanded(true);
      close(form.kind === 'add' ? addKey(scope, threatId) : editMitigationKey(scope, threatId, form.mitigation.id));
    }
    return error;
  }

  return (
    <Stack space="space.075">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        {risk && <ThreatRiskText risk={risk} severity={threat?.severity.score} />}
        {mine.length > 0 ? (
          <Button
            appearance="subtle"
            spacing="compact"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-label={`Mitigations of ${threatId} (${mine.length})`}
            onClick={() => setExpanded((open) => !open)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>{' '}
            {mine.length === 1 ? '1 mitigation' : `${mine.length} mitigations`}
          </Button>
        ) : (
          <Text size="small" color="color.text.subtlest">
            No mitigation yet
          </Text>
        )}
        {canAdd && form === undefined && (
          <Button
            ref={addRef}
            appearance="subtle"
            spacing="compact"
            aria-label={`Add mitigation to ${threatId}`}
            onClick={() => setForm({ kind: 'add' })}
          >
            Add mitigation
          </Button>
        )}
      </Inline>
      {mine.length > 0 && expanded && (
        <Box xcss={detailsStyles}>
          <Box as="ul" id={listId} xcss={listStyles} aria-label={`Mitigations of ${threatId}`}>
            {mine.map((mitigation) => (
              <MitigationItem
                key={mitigation.id}
                mitigation={mitigation}
                scope={scope}
                threatId={threatId}
                canEdit={canEdit}
                canCreateTasks={canCreateTasks}
                creatingTask={actions.creatingTask.has(mitigation.id)}
                taskError={actions.taskErrors[mitigation.id]}
                onCreateTask={() => void actions.createTask(mitigation.id)}
                onEdit={() => setForm({ kind: 'edit', mitigation })}
              />
            ))}
          </Box>
        </Box>
      )}
      {form && (
        <Box xcss={formStyles}>
          <Stack space="space.100">
            <Text weight="bold">
              {form.kind === 'add' ? `New mitigation of ${threatId}` : `Edit ${form.mitigation.id}`}
            </Text>
            {form.kind === 'edit' && form.mitigation.task && (
              <Text size="small" color="color.text.subtle" as="p">
                While {form.mitigation.task.key} exists, the mitigation&apos;s status follows the task&apos;s status in
                Jira.
              </Text>
            )}
            <MitigationForm
              threats={formThreats}
              initial={
                form.kind === 'add'
                  ? { addresses: [{ threatId, strength: DEFAULT_STRENGTH }] }
                  : draftOf(form.mitigation)
              }
              submitLabel={form.kind === 'add' ? 'Add mitigation' : 'Save'}
              onSubmit={submit}
              onCancel={() =>
                close(
                  form.kind === 'add'
                    ? addKey(scope, threatId)
                    : editMitigationKey(scope, threatId, form.mitigation.id),
                )
              }
            />
          </Stack>
        </Box>
      )}
    </Stack>
  );
}

const rejectedLast = (a: MitigationView, b: MitigationView) =>
  Number(a.status === 'rejected') - Number(b.status === 'rejected');

function draftOf(mitigation: MitigationView): Partial<MitigationDraft> {
  return {
    title: mitigation.title,
    implementation: mitigation.implementation,
    verification: mitigation.verification,
    controlType: mitigation.controlType,
    addresses: mitigation.addresses,
    status: mitigation.storedStatus,
    rejectionReason: mitigation.rejectionReason,
  };
}
