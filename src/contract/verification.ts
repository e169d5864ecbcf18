import { z } from 'zod';
import { personText } from '../domain/common/text-hygiene';
import { MitigationId } from '../domain/mitigation/mitigation';
import { VerificationNoteDraft } from '../domain/verification/verification-record';
import { VerificationRules } from '../domain/verification/verification-rules';
import type { SarifUploadResult, VerificationView } from '../domain/verification/verification-view';
import { endpoint, NoPayload } from './endpoint';
import { UPLOAD_CONTENT_MAX } from './knowledge-base';

export type { SarifUploadResult, VerificationView };
export type { VerifiedMitigation } from '../domain/verification/verification-view';
export type { VerificationMapping, MappedResult } from '../domain/verification/verification-mapping';
export type { VerificationRecord } from '../domain/verification/verification-record';

/** A SARIF file from the project page: sent as text, or deflated where the browser can (see upload-content). */
export const SarifUpload = z.object({
  fileName: personText({ label: 'A file name', min: 1, max: 400, multiline: false, tooShort: 'Name the file' }),
  content: z.discriminatedUnion('encoding', [
    z.object({ encoding: z.literal('text'), text: z.string().max(UPLOAD_CONTENT_MAX) }),
    z.object({ encoding: z.literal('deflate-base64'), data: z.string().max(UPLOAD_CONTENT_MAX) }),
  ]),
});
export type SarifUpload = z.input<typeof SarifUpload>;

export const VerificationNote = z.object({
  mitigationId: MitigationId,
  baseRevision: z.number().int().min(1),
  draft: VerificationNoteDraft,
});
export type VerificationNote = z.input<typeof VerificationNote>;

export const VerificationRulesSave = z.object({ rules: VerificationRules });
export type VerificationRulesSave = z.infer<typeof VerificationRulesSave>;

export const verificationEndpoints = {
  'verification/get': endpoint<VerificationView>()(NoPayload),
  'verification/upload-sarif': endpoint<SarifUploadResult>()(SarifUpload),
  'verification/record-note': endpoint<VerificationView>()(VerificationNote),
  'verification/save-rules': endpoint<VerificationView>()(VerificationRulesSave),
};
