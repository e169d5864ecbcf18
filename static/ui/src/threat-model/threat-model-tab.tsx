import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ThreatModelView, ThreatRow } from '../../../../src/contract';
import { ErrorMessage } from '../common/error-message';
import { KbUpdateDialog } from './kb-update/kb-update-dialog';
import { QuestionsDialog } from './questions/questions-dialog';
import { Loading } from '../common/loading';
import { useLiveRefresh } from '../common/use-live-refresh';
import { EditorsNote } from '../common/editors-note';
import { MitigationDialog, type MitigationTarget } from './mitigation-dialog';
import { mitigationsOf } from './model-updates';
import { ProblemsMessage } from '../common/problems-message';
import { ProjectRisk } from './project-risk';
import { PeopleNamesProvider } from '../people/people-names';
import { ProjectCoverage } from './project-coverage';
import { AcceptRiskDialog } from './accept-risk-dialog';
import { StateChangeFailureMessage, type StateChangeFailure } from './state-change-failure';
import { showSuccessFlag } from '../common/success-flag';
import { RetiredNotice, type RetiredThreat } from './retired-notice';
import { ThreatDialog, type DialogTarget } from './threat-dialog';
import { ThreatFilterBar } from './threat-filter-bar';
import { filterThreats, isFiltering, NO_FILTER, summarize, type ThreatFilter } from './threat-filters';
import { ThreatMitigationList } from './threat-mitigation-list';
import { ThreatTable, type TableSort } from './threat-table';
import { useStoryCounts } from './use-story-counts';
import { useTaskCreation } from './use-task-creation';
import { useThreatModel, type ThreatModel } from './use-threat-model';

/**
 * Task statuses change in Jira, not here: this often, while the page is visible, the tab asks
 * whether anything changed (two small reads) and reads the model again only if so.
 */
export const REFRESH_MS = 30_000;

interface TabProps {
  /** Whether the tab is the one shown: a hidden tab asks nothing, and asks again when shown. */
  shown?: boolean;
}

export function ThreatModelTab({ shown = true }: TabProps) {
  const model = useThreatModel();
  const { state } = model;

  if (state.status === 'loading') return <Loading label="Loading the threat model" />;
  if (state.status === 'error') {
    return (
      <ErrorMessage title="Could not load the threat model" error={state.error} onRetry={() => void model.reload()} />
    );
  }
  // Acceptances name who gave them: the names are looked up once for the whole tab.
  return (
    <PeopleNamesProvider>
      <ThreatModelContent view={state.view} model={model} shown={shown} />
    </PeopleNamesProvider>
  );
}

function ThreatModelContent({ view, model, shown }: { view: ThreatModelView; model: ThreatModel; shown: boolean }) {
  const [filter, setFilter] = useState<ThreatFilter>(NO_FILTER);
  const [sort, setSort] = useState<TableSort>({ key: 'id', order: 'ASC' });
  const [page, setPage] = useState(0);
  const [revealId, setRevealId] = useState<string | undefined>();
  const [dialog, setDialog] = useState<DialogTarget | undefined>();
  const [mitigationDialog, setMitigationDialog] = useState<MitigationTarget | undefined>();
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<StateChangeFailure | undefined>();
  const [retired, setRetired] = useState<RetiredThreat | undefined>();
  const [expandedIds, setExpandedIds] = useState<ReadonlySet<string>>(new Set());
  const [questionsOf, setQuestionsOf] = useState<string | undefined>();
  const [updateOf, setUpdateOf] = useState<string | undefined>();
  const [acceptOf, setAcceptOf] = useState<string | undefined>();
  const tasks = useTaskCreation(model.createTask);

  // A refresh would change what an open dialog shows under the person's hands; it waits.
  const dialogOpen =
    dialog !== undefined ||
    mitigationDialog !== undefined ||
    questionsOf !== undefined ||
    updateOf !== undefined ||
    acceptOf !== undefined;
  const acceptThreat = view.threats.find((t) => t.id === acceptOf);
  // The knowledge dialogs show the threat as the page has it now, so saved answers and a reload show at once.
  const questionsThreat = view.threats.find((t) => t.id === questionsOf);
  const updateThreat = view.threats.find((t) => t.id === updateOf);
  useLiveRefresh(
    () => void model.refresh(),
    () => dialogOpen || !shown,
    REFRESH_MS,
  );
  // Back on this tab (an audit run, an import on another): ask at once whether anything changed.
  const wasShown = useRef(shown);
  useEffect(() => {
    if (shown && !wasShown.current) void model.refresh();
    wasShown.current = shown;
  }, [shown, model]);

  const [shownIds, setShownIds] = useState<string[]>([]);
  const rows = useStoryCounts(view, shownIds, sort.key === 'stories');
  const visible = useMemo(() => filterThreats(rows, filter), [rows, filter]);
  const mitigationCounts = useMemo(() => countMitigations(view), [view]);
  const openCreate = () => setDialog({ kind: 'create' });
  const clearReveal = useCallback(() => setRevealId(undefined), []);
  // Other rows match a new filter: its first page is where they start.
  const filterFromStart = (next: ThreatFilter) => {
    setFilter(next);
    setPage(0);
  };

  function toggleExpanded(threat: ThreatRow) {
    setExpandedIds((ids) => {
      const next = new Set(ids);
      if (!next.delete(threat.id)) next.add(threat.id);
      return next;
    });
  }

  async function toggleState(threat: Pick<ThreatRow, 'id' | 'title' | 'state' | 'revision'>) {
    const next = threat.state === 'active' ? 'retired' : 'active';
    setFailure(undefined);
    setRetired(undefined);
    setBusyIds((ids) => new Set(ids).add(threat.id));
    const envelope = await model.setThreatState(threat.id, threat.revision, next);
    setBusyIds((ids) => {
      const rest = new Set(ids);
      rest.delete(threat.id);
      return rest;
    });
    if (envelope.ok) {
      showSuccessFlag(next === 'retired' ? `${threat.id} retired` : `${threat.id} reactivated`, threat.title);
      if (next === 'retired') setRetired({ id: threat.id, title: threat.title, revision: envelope.data.revision });
    } else {
      setFailure({ threatId: threat.id, action: next === 'retired' ? 'retire' : 'reactivate', error: envelope.error });
    }
  }

  const createButton = view.canEdit ? (
    <Button appearance="primary" onClick={openCreate}>
      Create threat
    </Button>
  ) : null;

  const renderMitigations = (threat: ThreatRow) => (
    <ThreatMitigationList
      threat={threat}
      mitigations={mitigationsOf(view, threat.id)}
      canCreateTasks={view.canCreateTasks}
      tasks={tasks}
      editing={
        view.canEdit
          ? {
              onAdd: (target) => setMitigationDialog({ kind: 'add', threat: target }),
              onEdit: (mitigation, from) => setMitigationDialog({ kind: 'edit', mitigation, threatId: from.id }),
            }
          : undefined
      }
    />
  );

  return (
    <Stack space="space.200">
      <ProblemsMessage problems={view.problems} />
      <ProjectCoverage coverage={view.coverage} />
      {failure && <StateChangeFailureMessage failure={failure} model={model} onDismiss={() => setFailure(undefined)} />}
      {retired && (
        <RetiredNotice
          retired={retired}
          busy={busyIds.has(retired.id)}
          onUndo={() => void toggleState({ ...retired, state: 'retired' })}
          onDismiss={() => setRetired(undefined)}
        />
      )}

      {view.threats.length === 0 ? (
        <EmptyState
          header="No threats yet"
          headingLevel={2}
          description="Threats are what could go wrong in this project: each has STRIDE categories, a probability and an impact. WITHOUT clauses on stories point at them."
          primaryAction={createButton}
        />
      ) : (
        <>
          <ProjectRisk risk={view.risk} history={view.history} riskPolicy={view.riskPolicy} />
          <Inline spread="space-between" alignBlock="center" shouldWrap space="space.100">
            <Inline space="space.100" alignBlock="baseline">
              <Text weight="medium" testId="threat-count">
                {summarize(visible)}
              </Text>
              {visible.length < view.threats.length && (
                <Text color="color.text.subtle">of {view.threats.length} in the model</Text>
              )}
            </Inline>
            {createButton}
          </Inline>
          <ThreatFilterBar filter={filter} onChange={filterFromStart} />
          <ThreatTable
            rows={visible}
            sort={sort}
            onSort={setSort}
            page={page}
            onPage={setPage}
            revealId={revealId}
            onRevealed={clearReveal}
            onPageShown={setShownIds}
            actions={
              view.canEdit || view.riskPolicy.canAccept
                ? {
                    busyIds,
                    ...(view.canEdit
                      ? {
                          onEdit: (threat: ThreatRow) => setDialog({ kind: 'edit', threat }),
                          onToggleState: (threat: ThreatRow) => void toggleState(threat),
                        }
                      : {}),
                    ...(view.riskPolicy.canAccept
                      ? { onAcceptRisk: (threat: ThreatRow) => setAcceptOf(threat.id) }
                      : {}),
                  }
                : undefined
            }
            knowledge={{
              onOpenQuestions: (threat) => setQuestionsOf(threat.id),
              onOpenUpdate: (threat) => setUpdateOf(threat.id),
            }}
            mitigationCounts={mitigationCounts}
            expandedIds={expandedIds}
            onToggleExpanded={toggleExpanded}
            renderExpanded={renderMitigations}
            emptyView={<NoMatches filtering={isFiltering(filter)} onClear={() => filterFromStart(NO_FILTER)} />}
          />
        </>
      )}

      {!view.canEdit && <EditorsNote />}
      {dialog && (
        <ThreatDialog target={dialog} model={model} onClose={() => setDialog(undefined)} onCreated={setRevealId} />
      )}
      {mitigationDialog && (
        <MitigationDialog
          target={mitigationDialog}
          threats={view.threats}
          model={model}
          onClose={() => setMitigationDialog(undefined)}
        />
      )}
      {questionsThreat && (
        <QuestionsDialog
          threat={questionsThreat}
          questions={view.questions}
          port={view.canEdit ? { answer: model.answerQuestion, reload: model.reload } : undefined}
          onClose={() => setQuestionsOf(undefined)}
        />
      )}
      {acceptThreat && (
        <AcceptRiskDialog
          threat={acceptThreat}
          policy={view.riskPolicy}
          port={{ accept: model.acceptRisk, revoke: model.revokeAcceptance }}
          onClose={() => setAcceptOf(undefined)}
        />
      )}
      {updateThreat && (
        <KbUpdateDialog
          threat={updateThreat}
          port={view.canEdit ? { decide: model.decideKbUpdate, reload: model.reload } : undefined}
          onClose={() => setUpdateOf(undefined)}
        />
      )}
    </Stack>
  );
}

/** Mitigations per threat in one pass over the mitigations (not one pass per threat: 5,000 x 10,000). */
function countMitigations(view: ThreatModelView): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of view.mitigations)
    for (const threatId of new Set(m.addresses.map((a) => a.threatId)))
      counts.set(threatId, (counts.get(threatId) ?? 0) + 1);
  return counts;
}

function NoMatches({ filtering, onClear }: { filtering: boolean; onClear: () => void }) {
  return (
    <Stack space="space.100" alignInline="center">
      <Text>
        {filtering ? 'No threats match these filters.' : 'Every threat is retired. Show retired threats to see them.'}
      </Text>
      {filtering && <Button onClick={onClear}>Clear filters</Button>}
    </Stack>
  );
}
