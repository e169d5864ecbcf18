import { z } from 'zod';
import { AsvsLevel, AsvsStandard } from '../domain/compliance/asvs-catalogue';
import { endpoint } from './endpoint';

/** The threat-model report, rendered: a Markdown or HTML document to save, with the ASVS coverage of a standard and level. */
export const ReportQuery = z.object({
  format: z.enum(['md', 'html']).default('html'),
  standard: AsvsStandard.default('asvs-5.0'),
  level: AsvsLevel.default(2),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export interface ReportDocument {
  fileName: string;
  mimeType: string;
  text: string;
}

export const reportEndpoints = {
  'report/get': endpoint<ReportDocument>()(ReportQuery),
};
