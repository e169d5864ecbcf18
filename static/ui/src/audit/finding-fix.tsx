import Button from '@atlaskit/button/new';
import { Text } from '@atlaskit/primitives';
import type { Finding } from '../../../../src/domain/audit/finding';
import type { AuditView } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { IssueLink } from '../common/issue-link';
import { taskCreatedFlag } from '../common/success-flag';
import { AddClauseFix } from './add-clause-fix';
import { AnswerQuestionsFix } from './answer-questions-fix';
import { DisabledFix, threatModelReason } from './disabled-fix';
import { IssueValueFix } from './issue-value-fix';
import { LinkStoryFix } from './link-story-fix';
import { LinkThreatFix } from './link-threat-fix';
import { MitigationsFix } from './mitigations-fix';
import { ModelValuesFix } from './model-values-fix';
import { RemoveLinkFix } from './remove-link-fix';
import { ReopenStoryFix } from './reopen-story-fix';
import { SuggestThreatsFix } from './suggest-threats-fix';
import { ReviewAcceptanceFix } from './review-acceptance-fix';
import type { useAudit } from './use-audit';

interface FixProps {
  finding: Finding;
  view: AuditView;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

/** The fix a finding offers, in place: link a threat or a story, add a clause, create the task, or open what to change. */
export function FindingFix({ finding, view, busy, act, onError }: FixProps) {
  const { fix } = finding;
  if (fix.action === 'link-threat' && fix.target.storyKey && fix.target.clauseId) {
    return (
      <LinkThreatFix
        findingId={finding.id}
        storyKey={fix.target.storyKey}
        clauseId={fix.target.clauseId}
        label={fix.label}
        view={view}
        busy={busy}
        act={act}
        onError={onError}
      />
    );
  }
  if (finding.kind === 'threat-without-story' && fix.target.threatId) {
    return (
      <LinkStoryFix
        threatId={fix.target.threatId}
        label={fix.label}
        view={view}
        busy={busy}
        act={act}
        onError={onError}
      />
    );
  }
  if (finding.kind === 'story-threat-uncovered' && fix.target.storyKey && fix.target.threatId) {
    return (
      <AddClauseFix
        storyKey={fix.target.storyKey}
        threatId={fix.target.threatId}
        label={fix.label}
        view={view}
        busy={busy}
        act={act}
        onError={onError}
      />
    );
  }
  if (fix.action === 'create-task' && fix.target.mitigationId) {
    const mitigationId = fix.target.mitigationId;
    if (!view.canCreateTasks)
      return (
        <DisabledFix
          label={fix.label}
          reason={`You can’t create and link issues in ${view.projectKey}, so you can’t create the task here.`}
        />
      );
    return (
      <Button
        isDisabled={busy}
        onClick={async () => {
          const created = await callResolver('mitigation/create-task', { mitigationId });
          if (!created.ok) return onError(created.error.message);
          // The recorded task came back: it is still the mitigation's task for this person, only the app cannot see it.
          const kept = created.data.task?.key;
          if (kept && finding.entities.taskKeys.includes(kept))
            return onError(
              `${kept} is still the task of ${mitigationId} as you see it, so no new task was made. The app cannot see it, most likely because of a security level the app is not in: suppress this finding, or ask a Jira administrator to add the app to that level.`,
            );
          taskCreatedFlag(created.data);
          onError(await act('audit/run', {}, 'Auditing again'));
        }}
      >
        {fix.label}
      </Button>
    );
  }
  if (fix.action === 'answer-questions' && fix.target.threatId) {
    if (!view.canEditThreatModel)
      return <DisabledFix label={fix.label} reason={threatModelReason(view.projectKey, 'answer its questions')} />;
    return (
      <AnswerQuestionsFix threatId={fix.target.threatId} label={fix.label} busy={busy} act={act} onError={onError} />
    );
  }
  if (fix.action === 'review-acceptance' && fix.target.threatId) {
    if (!view.canAcceptRisk)
      return (
        <DisabledFix
          label={fix.label}
          reason={`You can’t accept or revoke risk in ${view.projectKey}: project administrators and the roles named in the app’s project settings (Risk) can.`}
        />
      );
    return (
      <ReviewAcceptanceFix threatId={fix.target.threatId} label={fix.label} busy={busy} act={act} onError={onError} />
    );
  }
  if (
    (fix.action === 'add-mitigation' || fix.action === 'open-threat' || fix.action === 'sync-status') &&
    fix.target.threatId
  ) {
    if (!view.canEditThreatModel)
      return <DisabledFix label={fix.label} reason={threatModelReason(view.projectKey, 'change its mitigations')} />;
    return (
      <MitigationsFix
        mode={fix.action === 'add-mitigation' ? 'add' : 'review'}
        threatId={fix.target.threatId}
        label={fix.label}
        busy={busy}
        act={act}
        onError={onError}
      />
    );
  }
  if (DEAD_LINKS.has(finding.kind) && fix.target.storyKey && fix.target.threatId) {
    return (
      <RemoveLinkFix
        storyKey={fix.target.storyKey}
        threatId={fix.target.threatId}
        retired={finding.kind === 'link-to-retired-threat'}
        label={fix.label}
        view={view}
        busy={busy}
        act={act}
        onError={onError}
      />
    );
  }
  if (finding.kind === 'model-unreadable')
    return <ModelValuesFix label={fix.label} view={view} busy={busy} act={act} onError={onError} />;
  const valueFix = VALUE_FIXES[finding.kind];
  const valueKey = fix.target.storyKey ?? fix.target.taskKey;
  if (valueFix && valueKey) {
    return (
      <IssueValueFix
        issueKey={valueKey}
        value={valueFix}
        label={fix.label}
        view={view}
        busy={busy}
        act={act}
        onError={onError}
      />
    );
  }
  if (fix.action === 'reopen-story' && fix.target.storyKey) {
    return (
      <ReopenStoryFix
        storyKey={fix.target.storyKey}
        taskKeys={finding.entities.taskKeys}
        label={fix.label}
        view={view}
        busy={busy}
        act={act}
        onError={onError}
      />
    );
  }
  if (finding.kind === 'story-needs-threat-modeling' && fix.target.storyKey) {
    return <SuggestThreatsFix storyKey={fix.target.storyKey} label={fix.label} />;
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

const DEAD_LINKS: ReadonlySet<Finding['kind']> = new Set(['link-to-retired-threat', 'link-to-unknown-threat']);

/** The findings about a value the app cannot read or trust, and which value each is about. */
const VALUE_FIXES: Partial<Record<Finding['kind'], 'clauses' | 'task-property'>> = {
  'invalid-story-clauses': 'clauses',
  'invalid-task-property': 'task-property',
  'orphan-task': 'task-property',
  'task-unrecorded': 'task-property',
};
