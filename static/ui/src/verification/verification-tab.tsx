import { Stack, Text } from '@atlaskit/primitives';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { ProblemsMessage } from '../common/problems-message';
import { PeopleNamesProvider } from '../people/people-names';
import { SarifUploadForm } from './sarif-upload';
import { useVerification } from './use-verification';
import { VerificationRules } from './verification-rules';
import { VerifiedMitigations } from './verified-mitigations';

/** Did the mitigations work? Security-test results, notes by hand, and the rule ids the project maps. */
export function VerificationTab() {
  const verification = useVerification();
  const { state, reload } = verification;
  if (state.status === 'loading') return <Loading label="Loading verification" />;
  if (state.status === 'error')
    return <ErrorMessage title="Could not load verification" error={state.error} onRetry={() => void reload()} />;
  const { view } = state;
  const failed = view.mitigations.filter((m) => m.failed).length;
  return (
    <PeopleNamesProvider>
      <Stack space="space.300">
        <Stack space="space.100">
          <Text as="p" color="color.text.subtle" testId="verification-summary">
            {`Done in Jira is not "works": ${failed === 0 ? 'no mitigation in place has failed verification' : `${failed} mitigation${failed === 1 ? '' : 's'} in place failed verification and count${failed === 1 ? 's' : ''} as not implemented for residual risk`}.`}
          </Text>
          <ProblemsMessage problems={view.problems} />
        </Stack>
        <SarifUploadForm canEdit={view.canEdit} upload={verification.upload} outcome={verification.outcome} />
        <VerifiedMitigations
          mitigations={view.mitigations}
          canEdit={view.canEdit}
          recordNote={verification.recordNote}
        />
        <VerificationRules view={view} saveRules={verification.saveRules} />
      </Stack>
    </PeopleNamesProvider>
  );
}
