import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import { useState, type ReactNode } from 'react';
import type { Finding } from '../../../../src/domain/audit/finding';
import type { AuditView } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { IssueLink } from '../common/issue-link';
import { taskCreatedFlag } from '../common/success-flag';
import { AnswerQuestionsFix } from './answer-questions-fix';
import { ReviewAcceptanceFix } from './review-acceptance-fix';
import type { useAudit } from './use-audit';

interface FixProps {
  finding: Finding;
  view: AuditView;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

/** The fix a finding offers, in place: link a threat, create the task, or open what to change. */
export function FindingFix({ finding, view, busy, act, onError }: FixProps) {
  const { fix } = finding;
  const [threatId, setThreatId] = useState('');
  if (fix.action === 'link-threat' && fix.target.storyKey && fix.target.clauseId) {
    const { storyKey, clauseId } = fix.target;
    const selectId = `link-${finding.id}`;
    if (!view.canEditStories)
      return <NotAllowed>You can’t edit {view.projectKey}’s stories, so you can’t link a threat here.</NotAllowed>;
    return (
      <Inline space="space.050" alignBlock="center" shouldWrap>
        <label htmlFor={selectId}>
          <Text size="small">Threat</Text>
        </label>
        <select
          id={selectId}
          value={threatId}
          onChange={(e) => setThreatId(e.target.value)}
          disabled={busy}
          // Its options are whole threat titles: without a width it takes the longest one's and widens the table.
          style={{ width: '16em', maxWidth: '100%' }}
        >
          <option value="">Choose…</option>
          {view.threats.map((t) => (
            <option key={t.id} value={t.id}>{`${t.id} ${t.title} (${t.severity.band})`}</option>
          ))}
        </select>
        <Button
          appearance="primary"
          isDisabled={busy || !threatId}
          onClick={async () =>
            onError(
              await act(
                'audit/link-threat',
                { issueKey: storyKey, clauseId, threatId },
                `Linking ${threatId} to ${storyKey}`,
              ),
            )
          }
        >
          Link threat
        </Button>
      </Inline>
    );
  }
  if (fix.action === 'create-task' && fix.target.mitigationId) {
    const mitigationId = fix.target.mitigationId;
    if (!view.canCreateTasks)
      return (
        <NotAllowed>
          {fix.label}: you can’t create and link issues in {view.projectKey}, so you can’t create the task here.
        </NotAllowed>
      );
    return (
      <Button
        isDisabled={busy}
        onClick={async () => {
          const created = await callResolver('mitigation/create-task', { mitigationId });
          if (!created.ok) return onError(created.error.message);
          taskCreatedFlag(created.data);
          onError(await act('audit/run', {}, 'Auditing again'));
        }}
      >
        {fix.label}
      </Button>
    );
  }
  if (fix.action === 'answer-questions' && fix.target.threatId) {
    return (
      <AnswerQuestionsFix threatId={fix.target.threatId} label={fix.label} busy={busy} act={act} onError={onError} />
    );
  }
  if (fix.action === 'review-acceptance' && fix.target.threatId) {
    return (
      <ReviewAcceptanceFix threatId={fix.target.threatId} label={fix.label} busy={busy} act={act} onError={onError} />
    );
  }
  const key =
    fix.target.storyKey ?? fix.target.taskKey ?? finding.entities.storyKeys[0] ?? finding.entities.taskKeys[0];
  return key ? (
    <IssueLink issueKey={key} label={`${fix.label}: ${key}`}>
      {fix.label}
    </IssueLink>
  ) : (
    <Text size="small">{fix.label}</Text>
  );
}

/** A fix the person may not apply: said in place, instead of a control that fails when pressed. */
function NotAllowed({ children }: { children: ReactNode }) {
  return (
    <Text size="small" color="color.text.subtle">
      {children}
    </Text>
  );
}
