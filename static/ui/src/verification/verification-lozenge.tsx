import Lozenge from '@atlaskit/lozenge';
import type { VerifiedMitigation } from '../../../../src/contract/verification';

/** What is known about whether the mitigation works, from its newest record. */
export function VerificationLozenge({ mitigation }: { mitigation: VerifiedMitigation }) {
  const { latest } = mitigation;
  if (mitigation.failed) return <Lozenge appearance="removed">Verification failed</Lozenge>;
  if (!latest) return <Lozenge>Not verified</Lozenge>;
  if (latest.outcome === 'pass') return <Lozenge appearance="success">Verified</Lozenge>;
  if (latest.outcome === 'partial') return <Lozenge appearance="moved">Partly verified</Lozenge>;
  return <Lozenge appearance="removed">Failed (not in place)</Lozenge>;
}
