import type { AsvsCoverage } from '../../../../src/contract';
import { coverageCsv } from '../../../../src/domain/compliance/coverage-csv';

/** Saves a file the browser made: the same text the command line prints. */
export function saveText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The coverage as CSV (`without compliance --format csv` prints the same), with the ASVS attribution. */
export function downloadCoverage(coverage: AsvsCoverage & { projectKey: string }): void {
  const name = `${coverage.projectKey}-asvs-${coverage.version}-level-${coverage.level}.csv`;
  saveText(coverageCsv(coverage), name, 'text/csv;charset=utf-8');
}
