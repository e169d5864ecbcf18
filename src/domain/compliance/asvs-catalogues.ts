import v4 from './asvs/asvs-4.0.3.json';
import v5 from './asvs/asvs-5.0.0.json';
import { AsvsCatalogue, type AsvsRequirement, type AsvsStandard } from './asvs-catalogue';

// The shipped catalogues, parsed once per process (they are the app's own files, not input; a
// broken one is a bug, hence parse).
const parsed = new Map<AsvsStandard, AsvsCatalogue>();

export function asvsCatalogue(standard: AsvsStandard): AsvsCatalogue {
  let catalogue = parsed.get(standard);
  if (!catalogue) {
    catalogue = AsvsCatalogue.parse(standard === 'asvs-5.0' ? v5 : v4);
    parsed.set(standard, catalogue);
  }
  return catalogue;
}

/** A requirement of a standard by its document id (V6.3.1). */
export const asvsRequirement = (standard: AsvsStandard, id: string): AsvsRequirement | undefined =>
  asvsCatalogue(standard).requirements.find((r) => r.id === id);
