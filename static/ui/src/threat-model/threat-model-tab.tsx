import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { listRows, type ThreatListRow, type ThreatModelView, type ThreatRow } from '../../../../src/contract';
import { ErrorMessage } from '../common/error-message';
import { KbUpdateDialog } from './kb-update/kb-update-dialog';
import { QuestionsDialog } from './questions/questions-dialog';
import { Loading } from '../common/loading';
import { useLiveRefresh } from '../common/use-live-refresh';
import { EditorsNote } from '../common/editors-note';
import { MitigationDialog, type MitigationTarget } from './mitigation-dialog';
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
import { useOpenInFull, useThreatsInFull } from './use-threats-in-full';

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
  // The dialogs show the threat as the page has it in full now, so saved answers and a reload show at once.
  const fullOf = (id: string | undefined) => (id === undefined ? undefined : model.full.threats.get(id));
  const acceptThreat = fullOf(acceptOf);
  const questionsThreat = fullOf(questionsOf);
  const updateThreat = fullOf(updateOf);
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
  const indexed = useMemo(() => listRows(view.index), [view.index]);
  const counted = useStoryCounts(indexed, view.seen, shownIds, sort.key === 'stories');
  // A row read in full has its description (its title's tooltip).
  const rows = useMemo(
    () => counted.map((row) => withDescription(row, model.full.threats.get(row.id))),
    [counted, model.full.threats],
  );
  const visible = useMemo(() => filterThreats(rows, filter), [rows, filter]);
  const mitigationCounts = useMemo(() => new Map(indexed.map((row) => [row.id, row.mitigationCount])), [indexed]);
  useThreatsInFull(model, view.seen, [...shownIds, ...expandedIds, acceptOf, questionsOf, updateOf]);
  const { failure: openFailure, openInFull } = useOpenInFull(model);
  const openCreate = () => setDialog({ kind: 'create' });
  const clearReveal = useCallback(() => setRevealId(undefined), []);
  // Other rows match a new filter: its first page is where they start.
  const filterFromStart = (next: ThreatFilter) => {
    setFilter(next);
    setPage(0);
  };

  function toggleExpanded(threat: ThreatListRow) {
    setExpandedIds((ids) => {
      const next = new Set(ids);
      if (!next.delete(threat.id)) next.add(threat.id);
      return next;
    });
  }

  async function toggleState(threat: Pick<ThreatListRow, 'id' | 'title' | 'state' | 'revision'>) {
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

  const renderMitigations = (row: ThreatListRow) => {
    const threat = model.full.threats.get(row.id);
    const mitigations = model.full.mitigations.get(row.id);
    if (!threat || !mitigations) {
      if (!model.fullFailure) return <Loading label={`Loading the mitigations of ${row.id}`} />;
      return (
        <ErrorMessage
          title={`Could not load the mitigations of ${row.id}`}
          error={model.fullFailure}
          onRetry={() => model.readFull([row.id])}
        />
      );
    }
    return (
      <ThreatMitigationList
        threat={threat}
        mitigations={mitigations}
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
  };

  return (
    <Stack space="space.200">
      <ProblemsMessage problems={view.problems} />
      <ProjectCoverage coverage={view.coverage} />
      {openFailure && (
        <ErrorMessage
          title={`Could not open ${openFailure.id}`}
          error={openFailure.error}
          onRetry={openFailure.retry}
        />
      )}
      {failure && <StateChangeFailureMessage failure={failure} model={model} onDismiss={() => setFailure(undefined)} />}
      {retired && (
        <RetiredNotice
          retired={retired}
          busy={busyIds.has(retired.id)}
          onUndo={() => void toggleState({ ...retired, state: 'retired' })}
          onDismiss={() => setRetired(undefined)}
        />
      )}

      {indexed.length === 0 ? (
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
              {visible.length < indexed.length && (
                <Text color="color.text.subtle">of {indexed.length} in the model</Text>
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
                          onEdit: (threat: ThreatListRow) =>
                            void openInFull(threat, (full) => setDialog({ kind: 'edit', threat: full })),
                          onToggleState: (threat: ThreatListRow) => void toggleState(threat),
                        }
                      : {}),
                    ...(view.riskPolicy.canAccept
                      ? {
                          onAcceptRisk: (threat: ThreatListRow) =>
                            void openInFull(threat, (full) => setAcceptOf(full.id)),
                        }
                      : {}),
                  }
                : undefined
            }
            knowledge={{
              onOpenQuestions: (threat) => void openInFull(threat, (full) => setQuestionsOf(full.id)),
              onOpenUpdate: (threat) => void openInFull(threat, (full) => setUpdateOf(full.id)),
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
          threats={indexed}
          model={model}
          onClose={() => setMitigationDialog(undefined)}
        />
      )}
      {questionsThreat && (
        <QuestionsDialog
          threat={questionsThreat}
          questions={model.full.questions}
          port={
            view.canEdit
              ? { answer: model.answerQuestion, reload: () => model.reloadThreat(questionsThreat.id) }
              : undefined
          }
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
          port={
            view.canEdit
              ? { decide: model.decideKbUpdate, reload: () => model.reloadThreat(updateThreat.id) }
              : undefined
          }
          onClose={() => setUpdateOf(undefined)}
        />
      )}
    </Stack>
  );
}

/** The row with the description of its full row, once read. */
function withDescription(row: ThreatListRow, full: ThreatRow | undefined): ThreatListRow {
  return full && row.description !== full.description ? { ...row, description: full.description } : row;
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
