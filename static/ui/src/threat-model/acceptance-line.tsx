import { Explained } from '../common/explained';
import { CellText } from '../common/cell-text';
import { RISK_HELP } from '../common/risk-words';
import { byWhom, usePersonName } from '../people/people-names';
import type { ThreatListRow } from '../../../../src/contract';
import { severityRise, severityRiseText } from '../../../../src/domain/threat-model/threat-acceptance';

/**
 * "Accepted by Alice Admin until 2027-01-31", or that the acceptance has expired or lapsed
 * because the threat is now rated more severe than what was accepted; nothing without one.
 */
export function AcceptanceLine({ threat }: { threat: ThreatListRow }) {
  const acceptance = threat.acceptance;
  const name = usePersonName(acceptance?.accountId);
  if (!acceptance || threat.state !== 'active') return null;
  const by = byWhom(name);
  const rise = severityRise(acceptance, threat);
  const unrecorded = acceptance.severity
    ? ''
    : ' Accepted before the app recorded the severity accepted: it holds until its date whatever the severity now.';
  if (rise)
    return (
      <span data-testid={`acceptance-${threat.id}`}>
        <CellText look="small">
          <Explained help={`${RISK_HELP.accepted} Reason: ${acceptance.reason}`}>
            {`⚠ Acceptance lapsed: ${severityRiseText(rise)}`}
          </Explained>
        </CellText>
      </span>
    );
  return (
    <span data-testid={`acceptance-${threat.id}`}>
      <CellText look="small">
        <Explained help={`${RISK_HELP.accepted} Reason: ${acceptance.reason}${unrecorded}`}>
          {threat.acceptanceState === 'expired' ? `⚠ Acceptance expired: accepted${by} until ` : `Accepted${by} until `}
          {/* A date is one word: it never breaks at its hyphens. */}
          <span style={{ whiteSpace: 'nowrap' }}>{acceptance.until}</span>
        </Explained>
      </CellText>
    </span>
  );
}
