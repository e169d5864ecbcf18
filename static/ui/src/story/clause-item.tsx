import Button from '@atlaskit/button/new';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { useEffect, useState, type ReactNode } from 'react';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import type { WithoutClause } from '../../../../src/domain/story/without-clause';
import { clauseName } from '../common/clause-text';
import { PendingNotice } from '../common/pending-notice';
import { useEditing } from '../common/editing';
import { useFocusOnRequest, useRequestFocus } from '../common/focus-request';
import { ThreatPicker } from '../threat-model/threat-picker';
import { ClauseControls, editButtonKey } from './clause-controls';
import { ClauseEditor } from './clause-editor';
import { LinkedThreats } from './linked-threats';
import type { ClauseActions } from './use-story-clauses';

const itemStyles = xcss({
  margin: 'space.0',
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
});

export interface ClauseItemProps {
  clause: WithoutClause;
  index: number;
  count: number;
  threats: Record<string, ThreatView>;
  canEdit: boolean;
  canEditThreatModel: boolean;
  busy: boolean;
  /** Where the change under way was started: this clause shows "Saving…" and "Jira is slow" when it is here. */
  savingAt?: string | undefined;
  /** The last change a Retry saved: when it is this clause's, its editor or picker closes as on a save. */
  savedOnRetry?: { at: string; count: number } | undefined;
  actions: ClauseActions;
  /** Shown under each linked threat: its risk and mitigations; `scope` tells the places a threat is listed apart. */
  threatDetails?: (threatId: string, scope: string) => ReactNode;
}

export function ClauseItem({
  clause,
  index,
  count,
  threats,
  canEdit,
  canEditThreatModel,
  busy,
  savingAt,
  savedOnRetry,
  actions,
  threatDetails,
}: ClauseItemProps) {
  const [editing, setEditing] = useState(false);
  const [picking, setPicking] = useState(false);
  useEditing(editing || picking);
  const name = clauseName(clause.text);
  const linkKey = `link:${clause.id}`;
  const linkRef = useFocusOnRequest<HTMLButtonElement>(linkKey, !busy);
  const requestFocus = useRequestFocus();
  const retriedHere = savedOnRetry?.at === clause.id ? savedOnRetry.count : 0;
  useEffect(() => {
    if (retriedHere === 0) return;
    setEditing(false);
    setPicking(false);
  }, [retriedHere]);

  async function saveText(text: string) {
    const saved = await actions.changeText(clause.id, text);
    if (saved) stopEditing();
    return saved;
  }

  function stopEditing() {
    setEditing(false);
    requestFocus(editButtonKey(clause.id));
  }

  async function link(threatId: string) {
    const linked = await actions.link(clause.id, threatId);
    if (linked) closePicker();
    return linked;
  }

  function closePicker() {
    setPicking(false);
    requestFocus(linkKey);
  }

  async function unlink(threatId: string) {
    await actions.unlink(clause.id, threatId);
    requestFocus(linkKey);
  }

  return (
    <Box as="li" padding="space.150" xcss={itemStyles}>
      <Stack space="space.100">
        {editing ? (
          <ClauseEditor
            clauseId={clause.id}
            initialText={clause.text}
            name={name}
            disabled={busy}
            onSave={saveText}
            onCancel={stopEditing}
          />
        ) : (
          <Text as="p">
            <Text weight="bold">WITHOUT</Text> {clause.text}
          </Text>
        )}
        <LinkedThreats
          threatIds={clause.threatIds}
          threats={threats}
          label={`Threats of ${name}`}
          owner={name}
          onUnlink={canEdit ? (threatId) => void unlink(threatId) : undefined}
          disabled={busy}
          details={threatDetails && ((threatId) => threatDetails(threatId, clause.id))}
        >
          {canEdit && (
            <Button
              ref={linkRef}
              appearance="subtle"
              spacing="compact"
              aria-label={`Link threat to ${name}`}
              aria-expanded={picking}
              isDisabled={busy}
              onClick={() => (picking ? closePicker() : setPicking(true))}
            >
              Link threat
            </Button>
          )}
        </LinkedThreats>
        {canEdit && picking && (
          <ThreatPicker
            target={name}
            linkedThreatIds={clause.threatIds}
            canCreate={canEditThreatModel}
            disabled={busy}
            onLink={link}
            onClose={closePicker}
          />
        )}
        {canEdit && !editing && (
          <ClauseControls
            clauseId={clause.id}
            name={name}
            index={index}
            count={count}
            disabled={busy}
            actions={actions}
            onEdit={() => setEditing(true)}
          />
        )}
        {canEdit && <PendingNotice pending={savingAt === clause.id} />}
      </Stack>
    </Box>
  );
}
