import { deflateRawSync } from 'node:zlib';
import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import type { StoryLinksIndex } from '../../domain/compliance/story-links-index';
import { projectEntity, putProperty } from '../client/entity-properties';
import { readStoryIndex, writeStoryIndex } from './story-index-repository';

// The story index is stored in project properties, which anyone with project admin can write
// through the REST API: it is read back as input, and anything that is not an index reads as none.

// Each case inflates tens of megabytes, seconds of work on a loaded two-core machine (CI).
jest.setTimeout(30_000);
describe('the audit’s stored story index', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
  });
  afterAll(() => site.close());

  const index: StoryLinksIndex = {
    v: 1,
    evidence: { stories: 3, storiesWithClauses: 2, clauses: 4, linkedClauses: 3 },
    byThreat: [
      ['T-1', ['PAY-1', 'PAY-2']],
      ['T-2', ['PAY-2']],
    ],
  };
  const part = (value: unknown, slot = 1, i = 0) =>
    putProperty(siteClient(site), projectEntity('PAY'), `without.audit.stories.${slot}.${i}`, value);

  it('reads back what the audit wrote, in one request, as the person', async () => {
    const parts = await writeStoryIndex(siteClient(site), 'PAY', 0, index);
    expect(parts).toBe(1);
    const mark = site.log.mark();
    expect(await readStoryIndex(siteClient(site, '712020:carol'), 'PAY', { slot: 0, parts: 1 })).toEqual(index);
    expect(site.log.since(mark)).toHaveLength(1);
  });

  it('reads a missing, broken, hostile or oversized part as no index', async () => {
    const read = () => readStoryIndex(siteClient(site), 'PAY', { slot: 1, parts: 1 });
    expect(await read()).toBeUndefined(); // missing
    await part({ v: 1, data: 'not deflate' });
    expect(await read()).toBeUndefined();
    const deflated = (value: unknown) => deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64');
    await part({ v: 1, data: deflated({ ...index, byThreat: [['__proto__', ['PAY-1']]] }) });
    expect(await read()).toBeUndefined();
    // A valid index followed by 70 MB of spaces (still valid JSON) deflates into four parts: read
    // whole, it would be an index; it is refused for what it inflates to.
    const padded = Buffer.concat([Buffer.from(JSON.stringify(index)), Buffer.alloc(70 * 1024 * 1024, 0x20)]);
    const bomb = deflateRawSync(padded).toString('base64');
    expect(bomb.length).toBeLessThan(4 * 30_000);
    for (let i = 0; i < 4; i++) await part({ v: 1, data: bomb.slice(i * 30_000, (i + 1) * 30_000) }, 1, i);
    expect(await readStoryIndex(siteClient(site), 'PAY', { slot: 1, parts: 4 })).toBeUndefined();
  });

  it('reads an index of millions of objects within its size as no index (parsing them is the cost)', async () => {
    const read = () => readStoryIndex(siteClient(site), 'PAY', { slot: 2, parts: 1 });
    const stored = (value: unknown) =>
      part({ v: 1, data: deflateRawSync(JSON.stringify(value)).toString('base64') }, 2);
    await stored({ ...index, extra: [{}, {}] }); // control: an unknown field is ignored
    expect(await read()).toEqual(index);
    await stored({ ...index, extra: new Array(2_500_000).fill({}) });
    expect(await read()).toBeUndefined();
  });
});
