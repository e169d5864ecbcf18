import { Text } from '@atlaskit/primitives';
import Tooltip from '@atlaskit/tooltip';
import { STRIDE_NAMES, type StrideCategory } from '../../../../src/domain/threat-model/stride';

/** "S I" on screen; the full names in a tooltip and as the accessible name. */
export function StrideLetters({ stride }: { stride: StrideCategory[] }) {
  const names = stride.map((category) => STRIDE_NAMES[category]).join(', ');
  return (
    <Tooltip content={names} isScreenReaderAnnouncementDisabled>
      {(tooltipProps) => (
        <span {...tooltipProps} role="img" aria-label={names} tabIndex={0}>
          <Text weight="medium">{stride.join(' ')}</Text>
        </span>
      )}
    </Tooltip>
  );
}
