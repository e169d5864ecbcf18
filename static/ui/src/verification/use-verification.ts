import { useCallback, useState } from 'react';
import type {
  SarifUploadResult,
  VerificationNote,
  VerificationRulesSave,
  VerificationShown,
} from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { useResolverView } from '../common/use-resolver-view';
import { readFileText, uploadContent } from '../settings/upload-content';

const FIRST_PAGE: VerificationShown = { offset: 0, failedOnly: false };

/**
 * The Verification tab's state and its changes; each resolves to an error to show, or undefined.
 * The tab reads a page of mitigations at a time; a change answers the page the person is on.
 */
export function useVerification() {
  const [shown, setShown] = useState<VerificationShown>(FIRST_PAGE);
  // A new page (or filter) is read by the hook: the page on screen stays until it arrives.
  const { state, load, apply, applyInto } = useResolverView('verification/get', shown);
  const [outcome, setOutcome] = useState<SarifUploadResult | undefined>();

  const upload = useCallback(
    async (file: File): Promise<string | undefined> => {
      const text = await readFileText(file);
      const prepared = await uploadContent(text);
      // The message names knowledge bases; for a test run, the advice is to split the run.
      if ('tooLarge' in prepared)
        return prepared.tooLarge.replace(
          'Split it into smaller knowledge bases.',
          'Upload the results of one tool or one run at a time.',
        );
      const envelope = await applyInto(
        () => callResolver('verification/upload-sarif', { fileName: file.name, ...prepared, shown }),
        (_view, answer) => answer.view,
      );
      if (!envelope.ok) return envelope.error.message;
      setOutcome(envelope.data);
      return undefined;
    },
    [applyInto, shown],
  );

  const recordNote = useCallback(
    async (note: VerificationNote): Promise<string | undefined> => {
      const envelope = await apply(() => callResolver('verification/record-note', { ...note, shown }));
      return envelope.ok ? undefined : envelope.error.message;
    },
    [apply, shown],
  );

  const saveRules = useCallback(
    async (rules: VerificationRulesSave['rules']): Promise<string | undefined> => {
      const envelope = await apply(() => callResolver('verification/save-rules', { rules, shown }));
      return envelope.ok ? undefined : envelope.error.message;
    },
    [apply, shown],
  );

  return { state, reload: load, shown, show: setShown, outcome, upload, recordNote, saveRules };
}
