import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useMemo, useState } from 'react';
import type { AppErrorBody } from '../../../../src/domain/envelope';
import type { ThreatModelView, ThreatRow } from '../../../../src/domain/resolver-contract';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { conflictOnStateChange } from './conflict';
import { EditorsNote } from './editors-note';
import { ModelProblems } from './model-problems';
import { showSuccessFlag } from './success-flag';
import { ThreatDialog, type DialogTarget } from './threat-dialog';
import { ThreatFilterBar } from './threat-filter-bar';
import { filterThreats, isFiltering, NO_FILTER, summarize, type ThreatFilter } from './threat-filters';
import { ThreatTable, type TableSort } from './threat-table';
import { useThreatModel, type ThreatModel } from './use-threat-model';

export function ThreatModelTab() {
  const model = useThreatModel();
  const { state } = model;

  if (state.status === 'loading') return <Loading label="Loading the threat model" />;
  if (state.status === 'error') {
    return <ErrorMessage title="Could not load the threat model" error={state.error} onRetry={() => void model.reload()} />;
  }
  return <ThreatModelContent view={state.model} model={model} />;
}

interface StateChangeFailure {
  threatId: string;
  action: 'retire' | 'reactivate';
  error: AppErrorBody;
}

function ThreatModelContent({ view, model }: { view: ThreatModelView; model: ThreatModel }) {
  const [filter, setFilter] = useState<ThreatFilter>(NO_FILTER);
  const [sort, setSort] = useState<TableSort>({ key: 'id', order: 'ASC' });
  const [dialog, setDialog] = useState<DialogTarget | undefined>();
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<StateChangeFailure | undefined>();

  const visible = useMemo(() => filterThreats(view.threats, filter), [view.threats, filter]);
  const openCreate = () => setDialog({ kind: 'create' });
  const closeDialog = () => setDialog(undefined);

  async function toggleState(threat: ThreatRow) {
    const next = threat.state === 'active' ? 'retired' : 'active';
    setFailure(undefined);
    setBusyIds((ids) => new Set(ids).add(threat.id));
    const envelope = await model.setThreatState(threat.id, threat.revision, next);
    setBusyIds((ids) => {
      const rest = new Set(ids);
      rest.delete(threat.id);
      return rest;
    });
    if (envelope.ok) {
      showSuccessFlag(next === 'retired' ? `${threat.id} retired` : `${threat.id} reactivated`, threat.title);
    } else {
      setFailure({ threatId: threat.id, action: next === 'retired' ? 'retire' : 'reactivate', error: envelope.error });
    }
  }

  const createButton = view.canEdit ? (
    <Button appearance="primary" onClick={openCreate}>
      Create threat
    </Button>
  ) : null;

  return (
    <Stack space="space.200">
      {view.problems.length > 0 && <ModelProblems problems={view.problems} />}
      {failure && <StateChangeFailureMessage failure={failure} model={model} onDismiss={() => setFailure(undefined)} />}

      {view.threats.length === 0 ? (
        <EmptyState
          header="No threats yet"
          headingLevel={2}
          description="Threats are what could go wrong in this project: each has STRIDE categories, a probability and an impact. WITHOUT clauses on stories point at them."
          primaryAction={createButton}
        />
      ) : (
        <>
          <Inline spread="space-between" alignBlock="center" shouldWrap space="space.100">
            <Inline space="space.100" alignBlock="baseline">
              <Text weight="medium" testId="threat-count">
                {summarize(visible)}
              </Text>
              {visible.length < view.threats.length && <Text color="color.text.subtle">of {view.threats.length} in the model</Text>}
            </Inline>
            {createButton}
          </Inline>
          <ThreatFilterBar filter={filter} onChange={setFilter} />
          <ThreatTable
            rows={visible}
            sort={sort}
            onSort={setSort}
            actions={view.canEdit ? { busyIds, onEdit: (threat) => setDialog({ kind: 'edit', threat }), onToggleState: (threat) => void toggleState(threat) } : undefined}
            emptyView={<NoMatches filtering={isFiltering(filter)} onClear={() => setFilter(NO_FILTER)} />}
          />
        </>
      )}

      {!view.canEdit && <EditorsNote />}
      {dialog && <ThreatDialog target={dialog} model={model} onClose={closeDialog} />}
    </Stack>
  );
}

function NoMatches({ filtering, onClear }: { filtering: boolean; onClear: () => void }) {
  return (
    <Stack space="space.100" alignInline="center">
      <Text>{filtering ? 'No threats match these filters.' : 'Every threat is retired. Show retired threats to see them.'}</Text>
      {filtering && <Button onClick={onClear}>Clear filters</Button>}
    </Stack>
  );
}

interface FailureProps {
  failure: StateChangeFailure;
  model: ThreatModel;
  onDismiss: () => void;
}

function StateChangeFailureMessage({ failure, model, onDismiss }: FailureProps) {
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<string | undefined>();
  const conflict = failure.error.code === 'CONFLICT';

  async function reload() {
    setReloading(true);
    setReloadError(undefined);
    const envelope = await model.reload();
    setReloading(false);
    if (envelope.ok) onDismiss();
    else setReloadError(envelope.error.message);
  }

  return (
    <SectionMessage appearance={conflict ? 'warning' : 'error'} title={`Could not ${failure.action} ${failure.threatId}`}>
      <Stack space="space.100" alignInline="start">
        <Text as="p">{conflict ? conflictOnStateChange(failure.threatId) : failure.error.message}</Text>
        {reloadError !== undefined && <Text as="p">{reloadError}</Text>}
        <Inline space="space.100">
          {conflict && (
            <Button onClick={() => void reload()} isDisabled={reloading}>
              {reloading ? 'Reloading…' : 'Reload'}
            </Button>
          )}
          <Button appearance="subtle" onClick={onDismiss}>
            Dismiss
          </Button>
        </Inline>
      </Stack>
    </SectionMessage>
  );
}
