import Button from '@atlaskit/button/new';
import { useState } from 'react';
import type { ThreatModelView } from '../../../../src/contract';
import type { AcceptanceDraft } from '../../../../src/domain/threat-model/threat-acceptance';
import { callResolver } from '../api/invoke-resolver';
import { AcceptRiskDialog, type AcceptancePort } from '../threat-model/accept-risk-dialog';
import type { useAudit } from './use-audit';

interface Props {
  threatId: string;
  label: string;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

/** The fix of an expired acceptance, in place: renew it or let it lapse, then the audit again. */
export function ReviewAcceptanceFix({ threatId, label, busy, act, onError }: Props) {
  const [view, setView] = useState<ThreatModelView>();
  const [opening, setOpening] = useState(false);
  const [changed, setChanged] = useState(false);

  async function open() {
    setOpening(true);
    const envelope = await callResolver('threat-model/get', {});
    setOpening(false);
    if (!envelope.ok) return onError(envelope.error.message);
    if (!envelope.data.threats.some((t) => t.id === threatId))
      return onError(`${threatId} is no longer in the threat model.`);
    if (!envelope.data.riskPolicy.canAccept)
      return onError(
        `You can't accept or revoke risk in ${envelope.data.projectKey}: project administrators and the roles named in the app's project settings can.`,
      );
    onError(undefined);
    setView(envelope.data);
  }

  async function close() {
    setView(undefined);
    if (!changed) return;
    setChanged(false);
    onError(await act('audit/run', {}, 'Auditing again'));
  }

  const port: AcceptancePort = {
    accept: async (id: string, baseRevision: number, acceptance: AcceptanceDraft) => {
      const envelope = await callResolver('threat-model/accept-risk', { id, baseRevision, acceptance });
      if (envelope.ok) setChanged(true);
      return envelope;
    },
    revoke: async (id: string, baseRevision: number, reason: string) => {
      const envelope = await callResolver('threat-model/revoke-acceptance', { id, baseRevision, reason });
      if (envelope.ok) setChanged(true);
      return envelope;
    },
  };
  const threat = view?.threats.find((t) => t.id === threatId);

  return (
    <>
      <Button isDisabled={busy || opening} onClick={() => void open()}>
        {label}
      </Button>
      {view && threat && (
        <AcceptRiskDialog threat={threat} policy={view.riskPolicy} port={port} onClose={() => void close()} />
      )}
    </>
  );
}
