import { AppError } from '../../domain/common/app-error';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import { recordSarifOutcome } from '../../domain/verification/record-verification';
import { readSarifFile, SarifFileError } from '../../domain/verification/read-sarif-file';
import { sarifReport, type SarifReport } from '../../domain/verification/sarif-findings';
import { mapSarifResults, type VerificationMapping } from '../../domain/verification/verification-mapping';
import type { JiraClient } from '../../jira/client/jira-client';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { asModelEditor } from '../threat-model/require-model-editor';

/** The file's results, or BAD_REQUEST with `file:line:col: reason`: a bad file is refused before anything is read or written. */
export function readSarifReport(text: string, fileName: string): SarifReport {
  try {
    return sarifReport(readSarifFile(text, fileName));
  } catch (error) {
    if (error instanceof SarifFileError) throw new AppError('BAD_REQUEST', error.message);
    throw error;
  }
}

async function mapOnto(client: JiraClient, projectKey: string, model: ThreatModel, report: SarifReport) {
  const { knowledgeBases, problems } = await loadActiveKnowledgeBases(
    client,
    projectKey,
    model.settings.knowledgeBases,
  );
  return { mapping: mapSarifResults(report, model, knowledgeBases), problems };
}

/** The mapping of a file onto the project's model, as the person reads it; nothing is written. */
export async function previewSarif(
  jira: JiraClients,
  projectKey: string,
  report: SarifReport,
): Promise<{ mapping: VerificationMapping; problems: string[] }> {
  const stored = await threatModelOf(jira, projectKey);
  const { mapping, problems } = await mapOnto(jira.user, projectKey, stored.model, report);
  return { mapping, problems: [...stored.problems, ...problems] };
}

/**
 * Records a file's outcome on the mitigations it concerns (see recordSarifOutcome), under the
 * model's lease, after the check that the person may edit the model. Mapped against the model as
 * it is under the lease, so a mitigation changed meanwhile is judged by its current status.
 */
export async function recordSarif(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  report: SarifReport,
): Promise<{ mapping: VerificationMapping; failed: string[]; passed: string[] }> {
  const actor = { accountId, now: new Date().toISOString() };
  return changeThreatModel(
    jira.app,
    projectKey,
    accountId,
    async (model) => {
      const { mapping } = await mapOnto(jira.app, projectKey, model, report);
      const recorded = recordSarifOutcome(model, mapping, actor);
      return { model: recorded.model, result: { mapping, failed: recorded.failed, passed: recorded.passed } };
    },
    asModelEditor(jira, projectKey, accountId),
  );
}
