import { createContext } from 'react';

/** Shows the project page's Threat model tab; absent where the audit is shown without it. */
export const OpenThreatModelTab = createContext<(() => void) | undefined>(undefined);
