// The model's limits for imported texts (src/domain/threat-model/threat.ts, mitigation.ts).
export {
  COMPONENT_MAX as THREAT_COMPONENT_MAX,
  THREAT_DESCRIPTION_MAX,
  THREAT_TITLE_MAX,
} from '../threat-model/threat';
