import type { LocalSite } from '../../local/site/server';
import type { ThreatDraft } from '../../src/domain/threat-model/threat';
import { addThreat, emptyThreatModel, type ThreatModel } from '../../src/domain/threat-model/threat-model';
import { prose } from './prose';

// Models of many threats for tests of what an edit reads and writes at size: prose that deflates
// as real text does, so a shard holds about as many records as it would on a real site.

export const largeModelActor = { accountId: '712020:alice', now: '2026-12-03T10:00:00.000Z' };

/** Threat `n`: a title and a description of `descriptionChars` characters of prose. */
export const proseThreat = (n: number, descriptionChars = 900): ThreatDraft => ({
  title: `Threat ${n}: ${prose(n, 60)}`,
  description: prose(n + 100_000, descriptionChars),
  stride: ['S', 'I'],
  probability: 3,
  impact: 4,
  component: 'Payment API',
});

/** `threats` threats T-1..T-n (1,300 of them fill about 20 shards), built directly: the domain adds one at a time. */
export function modelOfThreats(threats: number, descriptionChars = 900): ThreatModel {
  const base = emptyThreatModel();
  const list = Array.from({ length: threats }, (_, i) => ({
    ...addThreat(base, proseThreat(i + 1, descriptionChars), largeModelActor).threat,
    id: `T-${i + 1}`,
  }));
  return { ...base, threats: list, nextThreatNumber: threats + 1 };
}

/** A project property as the site stores it, found by project key. */
export const projectProperty = (site: LocalSite, project: string, key: string) =>
  site.store
    .all('projectProperty')
    .find((p) => p.key === key && site.store.get('project', p.projectId)?.key === project);

/** A project of the site with no issues, led by alice. */
export function addEmptyProject(site: LocalSite, key: string, from = 30000): void {
  const id = site.store.next('project', from);
  site.store.put('project', id, { id, key, name: key, leadAccountId: '712020:alice' });
}
