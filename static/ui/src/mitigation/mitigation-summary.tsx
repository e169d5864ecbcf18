import { Text } from '@atlaskit/primitives';
import type { MitigationView } from '../../../../src/contract';
import { MitigationStatusLozenge } from './mitigation-status-lozenge';
import { strengthAgainst } from './strength';
import { StrengthText } from './strength-text';

/** A mitigation in one line, as seen from one threat: id, title, strength against it, status. */
export function MitigationSummary({
  mitigation,
  threatId,
}: {
  mitigation: Pick<MitigationView, 'id' | 'title' | 'addresses' | 'status'>;
  threatId: string;
}) {
  const strength = strengthAgainst(mitigation, threatId);
  return (
    <>
      <Text size="small" color="color.text.subtlest">
        {mitigation.id}
      </Text>
      <Text size="small" weight="medium">
        {mitigation.title}
      </Text>
      {strength !== undefined && (
        <Text size="small" color="color.text.subtle">
          <StrengthText strength={strength} />
        </Text>
      )}
      <MitigationStatusLozenge status={mitigation.status} />
    </>
  );
}
