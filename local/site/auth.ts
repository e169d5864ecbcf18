import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LocalUser } from './model';
import type { Store } from './store';

// Two ways in, as on Jira Cloud: basic auth with email and API token (people and the CLI),
// and bearer tokens that the local Forge host obtains for the acting user or for the app
// (what requestJira gets from Forge's proxy in the cloud).
export class Authenticator {
  private readonly bearer = new Map<string, string>();

  constructor(private readonly store: Store) {}

  private readonly tokensByAccount = new Map<string, string>();

  /** A new token the Forge host puts on requests made as this account (or the app). */
  issueForgeToken(accountId: string): string {
    const token = randomBytes(24).toString('hex');
    this.bearer.set(token, accountId);
    return token;
  }

  /** The host's standing token for an account, issued once. */
  tokenFor(accountId: string): string {
    let token = this.tokensByAccount.get(accountId);
    if (!token) this.tokensByAccount.set(accountId, (token = this.issueForgeToken(accountId)));
    return token;
  }

  authenticate(req: IncomingMessage): LocalUser | undefined {
    const header = req.headers.authorization ?? '';
    if (header.startsWith('Basic ')) return this.basic(header.slice(6));
    if (header.startsWith('Bearer ')) {
      const accountId = this.bearer.get(header.slice(7).trim());
      return accountId ? this.store.get('user', accountId) : undefined;
    }
    return undefined;
  }

  private basic(encoded: string): LocalUser | undefined {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const email = decoded.slice(0, colon).toLowerCase();
    const token = decoded.slice(colon + 1);
    return this.store
      .all('user')
      .find((u) => u.accountType === 'atlassian' && u.email.toLowerCase() === email && u.apiToken === token);
  }
}
