import { z } from 'zod';
import { personText } from '../domain/common/text-hygiene';
import { MitigationId } from '../domain/mitigation/mitigation';
import { VerificationNoteDraft } from '../domain/verification/verification-record';
import { VerificationRules } from '../domain/verification/verification-rules';
import {
  VERIFICATION_PAGE,
  type SarifUploadResult,
  type VerificationShown,
  type VerificationView,
} from '../domain/verification/verification-view';
import { endpoint } from './endpoint';
import { UPLOAD_CONTENT_MAX } from './knowledge-base';

export type { SarifUploadResult, VerificationView, VerificationShown };
export type { VerifiedMitigation } from '../domain/verification/verification-view';
export type { VerificationMapping, MappedResult } from '../domain/verification/verification-mapping';
export type { VerificationRecord } from '../domain/verification/verification-record';
export { VERIFICATION_PAGE };

/**
 * Which page of the Verification tab to answer (verification/get), and after a change, the page
 * the person is on, so the answer shows where they were.
 */
export const VerificationPage = z.object({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  failedOnly: z.boolean().default(false),
});
export type VerificationPage = z.input<typeof VerificationPage>;
const shown = { shown: VerificationPage.optional() };

/** The page a payload names, with the defaults filled in (the first page of every mitigation). */
export const shownOf = (page: VerificationPage | undefined): VerificationShown => VerificationPage.parse(page ?? {});

/** A SARIF file from the project page: sent as text, or deflated where the browser can (see upload-content). */
export const SarifUpload = z.object({
  fileName: personText({ label: 'A file name', min: 1, max: 400, multiline: false, tooShort: 'Name the file' }),
  content: z.discriminatedUnion('encoding', [
    z.object({ encoding: z.literal('text'), text: z.string().max(UPLOAD_CONTENT_MAX) }),
    z.object({ encoding: z.literal('deflate-base64'), data: z.string().max(UPLOAD_CONTENT_MAX) }),
  ]),
  ...shown,
});
export type SarifUpload = z.input<typeof SarifUpload>;

export const VerificationNote = z.object({
  mitigationId: MitigationId,
  baseRevision: z.number().int().min(1),
  draft: VerificationNoteDraft,
  ...shown,
});
export type VerificationNote = z.input<typeof VerificationNote>;

export const VerificationRulesSave = z.object({ rules: VerificationRules, ...shown });
export type VerificationRulesSave = z.input<typeof VerificationRulesSave>;

export const verificationEndpoints = {
  'verification/get': endpoint<VerificationView>()(VerificationPage),
  'verification/upload-sarif': endpoint<SarifUploadResult>()(SarifUpload),
  'verification/record-note': endpoint<VerificationView>()(VerificationNote),
  'verification/save-rules': endpoint<VerificationView>()(VerificationRulesSave),
};
