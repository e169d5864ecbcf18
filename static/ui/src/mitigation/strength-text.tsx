import type { Strength } from '../../../../src/domain/mitigation/mitigation';
import { Explained } from '../common/explained';
import { RISK_HELP } from '../common/risk-words';
import { strengthText } from './strength';

/** "strong, 75%" (or "Strength: strong, 75%"), with what a strength means on hover and focus. */
export function StrengthText({ strength, prefix = '' }: { strength: Strength; prefix?: string }) {
  return <Explained help={RISK_HELP.strength}>{`${prefix}${strengthText(strength)}`}</Explained>;
}
