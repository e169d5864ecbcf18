import Button from '@atlaskit/button/new';
import type { MitigationView } from '../../../../src/contract';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { MitigationDraft } from '../../../../src/domain/mitigation/mitigation';
import { callResolver } from '../api/invoke-resolver';
import { TitledDialog } from '../common/titled-dialog';
import { MitigationDialog, type MitigationTarget } from '../threat-model/mitigation-dialog';
import { mitigationsOf, readModelAround, withMitigation } from '../threat-model/model-around-threat';
import { ThreatMitigationList } from '../threat-model/threat-mitigation-list';
import { useTaskCreation } from '../threat-model/use-task-creation';
import { threatModelReason } from './disabled-fix';
import { useRowValue } from './row-memory';
import { type ThreatFixProps, useThreatFix } from './use-threat-fix';

interface Props extends ThreatFixProps {
  /** "add": the form for a new mitigation of the threat; "review": the threat's mitigations, to change or plan. */
  mode: 'add' | 'review';
}

/**
 * The fixes of a threat's mitigations, in place: add one (a threat with none), or review them (a
 * threat with only proposed or rejected ones, or one mitigated on paper while its tasks are open).
 * The same dialogs as on the Threat model tab; the audit runs again once something was saved.
 */
export function MitigationsFix(props: Props) {
  const fix = useThreatFix(props, (model) =>
    model.canEdit ? undefined : threatModelReason(model.projectKey, 'change its mitigations'),
  );
  const { view, setView, threat, opening, open, changed } = fix;
  // In the row with the fix's view (use-threat-fix): the form open stays open when the fix moves.
  const [editing, setEditing] = useRowValue<MitigationTarget | undefined>('mitigations-fix:editing', undefined);

  const saved = (envelope: Envelope<MitigationView>) => {
    if (envelope.ok) {
      setView((current) => current && withMitigation(current, envelope.data));
      changed();
    }
    return envelope;
  };
  const model = {
    addMitigation: async (draft: MitigationDraft) => saved(await callResolver('mitigation/add', { draft })),
    updateMitigation: async (id: string, baseRevision: number, draft: MitigationDraft) =>
      saved(await callResolver('mitigation/update', { id, baseRevision, draft })),
    reload: async () => {
      const envelope = await readModelAround(props.threatId);
      if (envelope.ok) setView(envelope.data);
      return envelope;
    },
  };
  const tasks = useTaskCreation(async (mitigationId: string) =>
    saved(await callResolver('mitigation/create-task', { mitigationId })),
  );

  const close = () => {
    setEditing(undefined);
    void fix.close();
  };

  return (
    <>
      <Button isDisabled={props.busy || opening} onClick={() => void open()}>
        {props.label}
      </Button>
      {view && threat && props.mode === 'add' && (
        <MitigationDialog target={{ kind: 'add', threat }} threats={view.threats} model={model} onClose={close} />
      )}
      {view && threat && props.mode === 'review' && editing && (
        // One dialog at a time: the form replaces the list, and closing it goes back to the list.
        <MitigationDialog target={editing} threats={view.threats} model={model} onClose={() => setEditing(undefined)} />
      )}
      {view && threat && props.mode === 'review' && !editing && (
        <TitledDialog title={`Mitigations of ${threat.id}`} width="large" onClose={close}>
          <ThreatMitigationList
            titled
            threat={threat}
            mitigations={mitigationsOf(view, threat.id)}
            canCreateTasks={view.canCreateTasks}
            tasks={tasks}
            editing={{
              onAdd: (t) => setEditing({ kind: 'add', threat: t }),
              onEdit: (mitigation: MitigationView) => setEditing({ kind: 'edit', mitigation }),
            }}
          />
        </TitledDialog>
      )}
    </>
  );
}
