import type { ExportCursor, InterchangeExport } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { documentPieces, type DocumentPiece } from '../../domain/interchange/export-pieces';
import type { InterchangeFormat } from '../../domain/interchange/imported-from';
import { answerBytes, PART_BYTES } from '../../domain/report/document-parts';
import { readStoryLinksOf } from '../../jira/interchange/story-links-repository';
import { threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { exportDocument, exportFileName } from './export-threat-model';

/**
 * Threats a part holds at most: their stories are one search (`"WITHOUT clauses".threat IN
 * (…)`), as the Threat model tab asks for a page of 50, so a part costs the pages of its own
 * threats' stories whatever the project's size.
 */
export const THREATS_PER_PART = 50;

const CHANGED =
  'The threat model changed while it was being exported, so the parts already read do not fit with the rest. Export it again.';

/**
 * One part of the project's threat model as an OTM or Threat Composer document, read as the
 * person (so a file names only stories they may see): the pieces of the document's text
 * (documentPieces) from `from`, as many as fit in an answer under 1 MB, with the stories of at
 * most THREATS_PER_PART threats. Every part reads the model; a part of a model whose revision
 * moved since the first is refused, never joined to the others. Nothing is written.
 */
export async function exportThreatModelPart(
  jira: JiraClients,
  projectKey: string,
  format: InterchangeFormat,
  from?: ExportCursor,
  /** The answer's bound for a part's text; smaller in tests, to see a small model in many parts. */
  maxBytes = PART_BYTES,
): Promise<InterchangeExport> {
  const stored = await threatModelOf(jira, projectKey);
  if (from && from.revision !== stored.metaRevision) throw new AppError('CONFLICT', CHANGED);
  const source = { projectKey, projectName: projectKey, model: stored.model, stories: [] };
  const bare = documentPieces(exportDocument(format, source));
  const start = from?.piece ?? 0;
  if (start >= bare.length) throw new AppError('BAD_REQUEST', 'The export has no part there. Export it again.');
  const batch = threatsAhead(bare, start, maxBytes);
  const threatIds = batch.map((i) => stored.model.threats[i]!.id);
  const stories = await readStoryLinksOf(jira.user, projectKey, threatIds);
  const pieces = batch.length > 0 ? documentPieces(exportDocument(format, { ...source, stories })) : bare;
  const end = partEnd(pieces, start, new Set(batch), maxBytes);
  return {
    format,
    fileName: exportFileName(projectKey, format),
    text: pieces
      .slice(start, end)
      .map((p) => p.text)
      .join(''),
    next: end < pieces.length ? { piece: end, revision: stored.metaRevision } : null,
    progress: { done: end, total: pieces.length },
    threats: stored.model.threats.length,
    mitigations: stored.model.mitigations.length,
    problems: stored.problems,
  };
}

/**
 * The threats (by place) among the pieces from `start` that a part may reach: at most
 * THREATS_PER_PART, and none past where the pieces without their stories already fill a part.
 */
function threatsAhead(pieces: DocumentPiece[], start: number, maxBytes: number): number[] {
  const threats: number[] = [];
  let bytes = 0;
  for (let at = start; at < pieces.length && threats.length < THREATS_PER_PART; at++) {
    bytes += answerBytes(pieces[at]!.text);
    if (bytes > maxBytes && at > start) break;
    const index = pieces[at]!.threatIndex;
    if (index !== undefined) threats.push(index);
  }
  return threats;
}

/**
 * Where the part ends: before the piece that would take its answer past maxBytes, or the first
 * threat whose stories it did not read. A part holds one piece at least, so a single threat with
 * more stories than fit is still handed out whole (its answer up to Forge's 5 MB).
 */
function partEnd(pieces: DocumentPiece[], start: number, read: Set<number>, maxBytes: number): number {
  let bytes = 0;
  let at = start;
  for (; at < pieces.length; at++) {
    const piece = pieces[at]!;
    if (piece.threatIndex !== undefined && !read.has(piece.threatIndex)) break;
    bytes += answerBytes(piece.text);
    if (bytes > maxBytes && at > start) break;
  }
  return at;
}
