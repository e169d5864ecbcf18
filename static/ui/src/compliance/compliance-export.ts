import type { AsvsCoverage } from '../../../../src/contract';
import { coverageCsv } from '../../../../src/domain/compliance/coverage-csv';
import { downloadFile } from '../common/download-file';

/** The coverage as CSV (`without compliance --format csv` prints the same), with the ASVS attribution. */
export function downloadCoverage(coverage: AsvsCoverage & { projectKey: string }): void {
  const name = `${coverage.projectKey}-asvs-${coverage.version}-level-${coverage.level}.csv`;
  downloadFile(name, coverageCsv(coverage), 'text/csv;charset=utf-8');
}
