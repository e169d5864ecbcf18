import { Stack, Text } from '@atlaskit/primitives';
import { VERIFICATION_PAGE, type VerificationView } from '../../../../src/contract';
import { CheckboxLabel } from '../common/checkbox-label';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { Pager } from '../common/pager';
import { ProblemsMessage } from '../common/problems-message';
import { PeopleNamesProvider } from '../people/people-names';
import { SarifUploadForm } from './sarif-upload';
import { useVerification } from './use-verification';
import { VerificationRules } from './verification-rules';
import { VerifiedMitigations } from './verified-mitigations';

/** Where the page the backend answered sits among the pages, as the pager tells it. */
const pageOfView = (view: VerificationView) => ({
  page: view.shown.offset / VERIFICATION_PAGE,
  pageCount: Math.max(1, Math.ceil(view.total / VERIFICATION_PAGE)),
  first: view.mitigations.length === 0 ? 0 : view.shown.offset + 1,
  last: view.shown.offset + view.mitigations.length,
  total: view.total,
});

/** Did the mitigations work? Security-test results, notes by hand, and the rule ids the project maps. */
export function VerificationTab() {
  const verification = useVerification();
  const { state, reload, show } = verification;
  if (state.status === 'loading') return <Loading label="Loading verification" />;
  if (state.status === 'error')
    return <ErrorMessage title="Could not load verification" error={state.error} onRetry={() => void reload()} />;
  const { view } = state;
  const failed = view.failedCount;
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
          above={
            (failed > 0 || view.shown.failedOnly) && (
              <CheckboxLabel checked={view.shown.failedOnly} onChange={(failedOnly) => show({ offset: 0, failedOnly })}>
                Only mitigations that failed verification
              </CheckboxLabel>
            )
          }
          below={
            <Pager
              noun="mitigations"
              page={pageOfView(view)}
              onPage={(page) => show({ ...view.shown, offset: page * VERIFICATION_PAGE })}
            />
          }
        />
        <VerificationRules view={view} saveRules={verification.saveRules} />
      </Stack>
    </PeopleNamesProvider>
  );
}
