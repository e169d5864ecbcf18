import Tooltip from '@atlaskit/tooltip';
import type { ReactNode } from 'react';

const UNDERLINE = { textDecoration: 'underline dotted', textUnderlineOffset: '3px', cursor: 'help' } as const;

/** `aria-description` (ARIA 1.3): a description that is not part of the text around it. */
export const described = (help: string) => ({ 'aria-description': help }) as Record<string, string>;

/**
 * A number or word with what it means on hover and on focus (it takes focus, so keyboard users
 * reach the explanation), and for screen readers as its description.
 */
export function Explained({ help, children, testId }: { help: string; children: ReactNode; testId?: string }) {
  return (
    <Tooltip content={help} position="top">
      {(tooltipProps) => (
        <span {...tooltipProps} {...described(help)} tabIndex={0} style={UNDERLINE} data-testid={testId}>
          {children}
        </span>
      )}
    </Tooltip>
  );
}
