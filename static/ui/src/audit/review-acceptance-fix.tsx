import Button from '@atlaskit/button/new';
import type { AcceptanceDraft } from '../../../../src/domain/threat-model/threat-acceptance';
import { callResolver } from '../api/invoke-resolver';
import { AcceptRiskDialog, type AcceptancePort } from '../threat-model/accept-risk-dialog';
import { type ThreatFixProps, useThreatFix } from './use-threat-fix';

/** The fix of an expired acceptance, in place: renew it or let it lapse, then the audit again. */
export function ReviewAcceptanceFix(props: ThreatFixProps) {
  const { view, threat, opening, open, close, changed } = useThreatFix(props, (model) =>
    model.riskPolicy.canAccept
      ? undefined
      : `You can't accept or revoke risk in ${model.projectKey}: project administrators and the roles named in the app's project settings can.`,
  );

  const port: AcceptancePort = {
    accept: async (id: string, baseRevision: number, acceptance: AcceptanceDraft) => {
      const envelope = await callResolver('threat-model/accept-risk', { id, baseRevision, acceptance });
      if (envelope.ok) changed();
      return envelope;
    },
    revoke: async (id: string, baseRevision: number, reason: string) => {
      const envelope = await callResolver('threat-model/revoke-acceptance', { id, baseRevision, reason });
      if (envelope.ok) changed();
      return envelope;
    },
  };

  return (
    <>
      <Button isDisabled={props.busy || opening} onClick={() => void open()}>
        {props.label}
      </Button>
      {view && threat && (
        <AcceptRiskDialog threat={threat} policy={view.riskPolicy} port={port} onClose={() => void close()} />
      )}
    </>
  );
}
