import { Text } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

/**
 * An error shown where it happened, announced to screen readers. The role sits on a wrapper:
 * atlaskit's Text does not pass `role` on to what it renders.
 */
export function InlineError({ children }: { children: ReactNode }) {
  return (
    <div role="alert">
      <Text color="color.text.danger">{children}</Text>
    </div>
  );
}
