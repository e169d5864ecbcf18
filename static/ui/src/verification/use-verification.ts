import { useCallback, useState } from 'react';
import type { SarifUploadResult, VerificationNote, VerificationRulesSave } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { useResolverView } from '../common/use-resolver-view';
import { readFileText, uploadContent } from '../settings/upload-content';

/** The Verification tab's state and its changes; each resolves to an error to show, or undefined. */
export function useVerification() {
  const { state, load, apply, applyInto } = useResolverView('verification/get', {});
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
        () => callResolver('verification/upload-sarif', { fileName: file.name, ...prepared }),
        (_view, answer) => answer.view,
      );
      if (!envelope.ok) return envelope.error.message;
      setOutcome(envelope.data);
      return undefined;
    },
    [applyInto],
  );

  const recordNote = useCallback(
    async (note: VerificationNote): Promise<string | undefined> => {
      const envelope = await apply(() => callResolver('verification/record-note', note));
      return envelope.ok ? undefined : envelope.error.message;
    },
    [apply],
  );

  const saveRules = useCallback(
    async (rules: VerificationRulesSave['rules']): Promise<string | undefined> => {
      const envelope = await apply(() => callResolver('verification/save-rules', { rules }));
      return envelope.ok ? undefined : envelope.error.message;
    },
    [apply],
  );

  return { state, reload: load, outcome, upload, recordNote, saveRules };
}
