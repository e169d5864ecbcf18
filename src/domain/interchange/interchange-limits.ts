// The model's limits for imported texts (src/domain/threat-model/threat.ts, mitigation.ts).
export {
  COMPONENT_MAX as THREAT_COMPONENT_MAX,
  THREAT_DESCRIPTION_MAX,
  THREAT_TITLE_MAX,
} from '../threat-model/threat';

/** Records one import file may hold, per kind: a larger file is refused with these numbers (README, "Import and export"). */
export const FILE_THREATS_MAX = 2000;
export const FILE_MITIGATIONS_MAX = 2000;

/** Records a model may have after an import, per kind: an import that would pass it is refused, writing nothing. */
export const MODEL_THREATS_MAX = 5000;
export const MODEL_MITIGATIONS_MAX = 5000;

/** Changed records a preview lists, as the page shows them; the rest are counted. */
export const PREVIEW_ITEMS_MAX = 200;
