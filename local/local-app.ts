import path from 'node:path';
import { createForgeHost, type ForgeHost } from './forge/host';
import { loadManifest } from './forge/manifest';
import type { FaultSettings } from './site/faults';
import { seedDemo } from './site/seed/demo';
import { startLocalSite, type LocalSite } from './site/server';

export interface LocalAppOptions {
  dataFile: string;
  port?: number;
  seed?: 'demo' | 'none';
  faults?: Partial<FaultSettings>;
  /** The repository root holding manifest.yml; defaults to this checkout. */
  root?: string;
}

export interface LocalApp {
  site: LocalSite;
  host: ForgeHost;
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
    app: { customFields: manifest.appFields, indexedProperties: manifest.indexedProperties },
    extra: (req, res) => (hostRef.current ? hostRef.current.handle(req, res) : false),
  });
  const host = createForgeHost(site, manifest);
  hostRef.current = host;
  if (options.seed === 'demo') seedDemo(site.store);
  return { site, host, url: site.url, close: () => site.close() };
}
