import path from 'node:path';
import { createConsent, type Consent } from './forge/consent';
import { createForgeHost, type ForgeHost } from './forge/host';
import type { ForgeLimits } from './forge/limits';
import { loadManifest } from './forge/manifest';
import type { FaultSettings } from './site/faults';
import type { LocalCustomField } from './site/model';
import { seedDemo } from './site/seed/demo';
import { startLocalSite, type LocalSite } from './site/server';

export interface LocalAppOptions {
  dataFile: string;
  port?: number;
  seed?: 'demo' | 'none';
  faults?: Partial<FaultSettings>;
  /** The repository root holding manifest.yml; defaults to this checkout. */
  root?: string;
  /**
   * People (emails or account ids) who have not yet allowed the app to act as them: their
   * asUser() calls fail as on Forge until they click "Allow access".
   */
  withoutConsent?: string[];
  /**
   * Several local apps in one process are several sites of one installation each (as one warm
   * Forge instance serves several installations); each needs its own id. Default: local.
   */
  installationId?: string;
  /**
   * Custom fields of other apps installed on the site before this one: they take the first
   * field ids, so this app's fields get other ids than on a fresh site (as on real sites).
   */
  otherAppFields?: Array<Omit<LocalCustomField, 'id' | 'numericId'>>;
  /** Forge's limits (run time, payload and answer sizes); tests give tiny ones. Default: Forge's. */
  limits?: Partial<ForgeLimits>;
  /**
   * 'after-add' (Jira's way): an issue shows the app's panel only once someone has added it there
   * with its "Add" button. Default 'pre-added': every issue shows it, as the e2e suite expects.
   */
  issuePanels?: 'pre-added' | 'after-add';
}

export interface LocalApp {
  site: LocalSite;
  host: ForgeHost;
  /** Who has allowed the app to act as them (tests may withhold or grant). */
  consent: Consent;
  url: string;
  close(): Promise<void>;
}

/** The local Jira site and the local Forge host on one port, running the app from src/. */
export async function startLocalApp(options: LocalAppOptions): Promise<LocalApp> {
  const manifest = loadManifest(options.root ?? path.resolve(__dirname, '..'));
  // The site is created first (the host needs its URL), then routes page requests to the host.
  const hostRef: { current?: ForgeHost } = {};
  const site = await startLocalSite({
    dataFile: options.dataFile,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    app: {
      customFields: [...(options.otherAppFields ?? []), ...manifest.appFields],
      indexedProperties: manifest.indexedProperties,
    },
    extra: (req, res) => (hostRef.current ? hostRef.current.handle(req, res) : false),
  });
  if (options.seed === 'demo') seedDemo(site.store);
  const accountOf = (who: string) =>
    site.store.all('user').find((u) => u.email === who || u.accountId === who)?.accountId ?? who;
  const consent = createConsent((options.withoutConsent ?? []).map(accountOf));
  const host = createForgeHost(site, manifest, {
    consent,
    ...(options.installationId !== undefined ? { installationId: options.installationId } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.issuePanels ? { issuePanels: options.issuePanels } : {}),
  });
  hostRef.current = host;
  return { site, host, consent, url: site.url, close: () => site.close() };
}
