import type Resolver from '@forge/resolver';
import { recordNote } from '../../app/verification/record-verification-note';
import { saveVerificationRules } from '../../app/verification/save-verification-rules';
import { uploadSarif } from '../../app/verification/upload-sarif';
import { verificationView } from '../../app/verification/verification-view';
import { callClients } from '../call-clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

// The Verification tab: what is known about whether mitigations work, a SARIF upload from the
// project's security tests, notes by hand, and the rule ids the project maps.
export function registerVerificationResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'verification/get', ({ payload, context }) =>
    verificationView(callClients(), projectKeyOf(context), context.accountId, payload),
  );
  defineResolver(resolver, 'verification/upload-sarif', ({ payload, context }) =>
    uploadSarif(callClients(), projectKeyOf(context), context.accountId, payload),
  );
  defineResolver(resolver, 'verification/record-note', ({ payload, context }) =>
    recordNote(callClients(), projectKeyOf(context), context.accountId, payload),
  );
  defineResolver(resolver, 'verification/save-rules', ({ payload, context }) =>
    saveVerificationRules(callClients(), projectKeyOf(context), context.accountId, payload),
  );
}
