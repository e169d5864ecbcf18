import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { MitigationView } from '../../../../src/contract';
import { MitigationStatusLozenge } from '../mitigation/mitigation-status-lozenge';
import { strengthText } from '../mitigation/strength';

/** Another person's saved version of a mitigation, above the values the person typed. */
export function MitigationVersion({ mitigation }: { mitigation: MitigationView }) {
  return (
    <SectionMessage appearance="information" title={`${mitigation.id} as it is now`}>
      <Stack space="space.100">
        <Text as="p">Your values are still below. Save replaces this version with yours; Cancel keeps it.</Text>
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text weight="medium">{mitigation.title}</Text>
          <MitigationStatusLozenge status={mitigation.status} />
        </Inline>
        {mitigation.implementation !== '' && <Text as="p">{mitigation.implementation}</Text>}
        <Text as="p">{mitigation.addresses.map((a) => `${a.threatId}: ${strengthText(a.strength)}`).join('; ')}</Text>
      </Stack>
    </SectionMessage>
  );
}
