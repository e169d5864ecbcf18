import { z } from 'zod';
import type { AsvsCoverage } from '../domain/compliance/asvs-coverage';
import { AsvsLevel, AsvsStandard } from '../domain/compliance/asvs-catalogue';
import { endpoint } from './endpoint';

export type { AsvsCoverage };
export type { CoverageStatus, RequirementCoverage } from '../domain/compliance/asvs-coverage';

/** Which standard and level the Compliance tab shows. */
export const ComplianceQuery = z.object({ standard: AsvsStandard.default('asvs-5.0'), level: AsvsLevel.default(2) });
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

export interface ComplianceView extends AsvsCoverage {
  projectKey: string;
  /** JQL that finds the stories linking each threat the requirements name, by threat id. */
  storiesJql: Record<string, string>;
  problems: string[];
}

export const complianceEndpoints = {
  'compliance/get': endpoint<ComplianceView>()(ComplianceQuery),
};
