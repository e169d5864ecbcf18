import { z } from 'zod';
import { AsvsLevel, AsvsStandard } from '../domain/compliance/asvs-catalogue';
import { endpoint } from './endpoint';

/**
 * A part after the first of a report too large for one answer: the first part's time (the
 * report is dated once, so every part renders the same text) and digest (a part of a report
 * that changed in between is refused, never joined to the others).
 */
export const ReportPart = z.object({
  index: z.number().int().min(1).max(100),
  generatedAt: z.iso.datetime(),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ReportPart = z.infer<typeof ReportPart>;

/** The threat-model report, rendered: a Markdown or HTML document to save, with the ASVS coverage of a standard and level. */
export const ReportQuery = z.object({
  format: z.enum(['md', 'html']).default('html'),
  standard: AsvsStandard.default('asvs-5.0'),
  level: AsvsLevel.default(2),
  /** Absent: the first part. */
  part: ReportPart.optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** One part of the document (most reports are one): the browser joins the parts' texts in order. */
export interface ReportDocument {
  fileName: string;
  mimeType: string;
  text: string;
  /** This part's number, from 0, and how many there are. */
  part: number;
  parts: number;
  generatedAt: string;
  /** SHA-256 of the whole document, hex: what later parts are asked with. */
  digest: string;
}

export const reportEndpoints = {
  'report/get': endpoint<ReportDocument>()(ReportQuery),
};
