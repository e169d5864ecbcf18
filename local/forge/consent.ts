// Who has allowed the app to act as them. On Forge, a call made with asUser() by a person who
// has not yet allowed the app is answered by Forge's proxy with the header
// `forge-proxy-error: NEEDS_AUTHENTICATION_ERR`; @forge/api turns it into a thrown
// NeedsAuthenticationError, and when that error leaves the function Jira replaces the app's
// frame with its "Allow access" prompt (the app's name and the scopes it asks for).
// https://developer.atlassian.com/platform/forge/runtime-reference/fetch-api-product.requestjira/

export const NEEDS_AUTHENTICATION_ERR = 'NEEDS_AUTHENTICATION_ERR';

export interface Consent {
  /** Whether asUser() calls for this person must fail until they allow access. */
  pending(accountId: string): boolean;
  /** "Allow access" was clicked. */
  grant(accountId: string): void;
  /** Takes consent back (tests, and a person who revoked the app in their profile). */
  withhold(accountId: string): void;
}

/** Everyone has consented except the people listed (by account id). */
export function createConsent(withheld: Iterable<string> = []): Consent {
  const waiting = new Set(withheld);
  return {
    pending: (accountId) => waiting.has(accountId),
    grant: (accountId) => void waiting.delete(accountId),
    withhold: (accountId) => void waiting.add(accountId),
  };
}

/** The answer Forge's proxy gives a call made as a person who has not allowed the app. */
export const needsAuthenticationResponse = (): Response =>
  new Response(JSON.stringify({ message: 'Authentication Required' }), {
    status: 401,
    headers: { 'content-type': 'application/json', 'forge-proxy-error': NEEDS_AUTHENTICATION_ERR },
  });

/** Whether a function's error is the one that makes Jira show "Allow access". */
export const isNeedsAuthentication = (error: unknown): boolean =>
  error instanceof Error && error.name === NEEDS_AUTHENTICATION_ERR;
