import type { ThreatListRow } from '../../../../src/contract';
import type { SeverityBand } from '../../../../src/domain/threat-model/severity';
import type { StrideCategory } from '../../../../src/domain/threat-model/stride';

export const SEVERITY_BANDS: SeverityBand[] = ['Critical', 'High', 'Medium', 'Low'];

export interface ThreatFilter {
  text: string;
  stride: StrideCategory | undefined;
  band: SeverityBand | undefined;
  showRetired: boolean;
}

export const NO_FILTER: ThreatFilter = { text: '', stride: undefined, band: undefined, showRetired: false };

export function isFiltering(filter: ThreatFilter): boolean {
  return filter.text.trim() !== '' || filter.stride !== undefined || filter.band !== undefined;
}

export function filterThreats(rows: ThreatListRow[], filter: ThreatFilter): ThreatListRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.showRetired || row.state === 'active') &&
      (filter.stride === undefined || row.stride.includes(filter.stride)) &&
      (filter.band === undefined || row.severity.band === filter.band) &&
      (needle === '' || [row.id, row.title, row.component].some((value) => value.toLowerCase().includes(needle))),
  );
}

/** "12 threats, 3 critical"; "5,000 threats, 610 critical" (grouped as the rest of the tab counts). */
export function summarize(rows: ThreatListRow[]): string {
  const critical = rows.filter((row) => row.severity.band === 'Critical').length;
  const count = (n: number) => n.toLocaleString('en-US');
  return `${count(rows.length)} ${rows.length === 1 ? 'threat' : 'threats'}, ${count(critical)} critical`;
}
