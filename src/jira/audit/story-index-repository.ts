import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { StoryLinksIndex } from '../../domain/compliance/story-links-index';
import { parseBoundedJson, parseWithLongLists } from '../client/bounded-json';
import { getProjectProperties, projectEntity, putProperty } from '../client/entity-properties';
import type { JiraClient } from '../client/jira-client';

// The audit's story index (which stories link which threats, clause counts), stored beside the
// result in the same slot and switched to by the same status write, so a reader never sees an
// index of one run with the status of another. Deflated, in parts of at most 30,000 characters
// (a property value holds 32,768). 10,000 stories take 3-4 parts.

const PART_LIMIT = 30_000;
/** About 3 MB deflated: far past 50,000 stories; a larger index is not stored (the views say so). */
export const STORY_INDEX_MAX_PARTS = 100;
/** Far above what 100 parts inflate to for real (about 10 bytes a story link deflate to 1-2). */
const MAX_INFLATED = 64 * 1024 * 1024;
/** A real index is one array a threat and one string a story link: far under these. */
const INDEX_JSON_LIMITS = { containers: 2_000_000, values: 8_000_000 };
/** One threat's stories: past what any backlog links to one threat. */
const ENTRY_MAX_NODES = 200_000;
const partKey = (slot: number, index: number) => `without.audit.stories.${slot}.${index}`;
const Part = z.object({ v: z.literal(1), data: z.string() });

/** Writes the index to a slot, ten parts at a time; answers how many parts it took, or undefined when too large. */
export async function writeStoryIndex(
  client: JiraClient,
  projectKey: string,
  slot: number,
  index: StoryLinksIndex,
): Promise<number | undefined> {
  const data = deflateRawSync(Buffer.from(JSON.stringify(index), 'utf8')).toString('base64');
  const count = Math.max(1, Math.ceil(data.length / PART_LIMIT));
  if (count > STORY_INDEX_MAX_PARTS) return undefined;
  const chunks = Array.from({ length: count }, (_, i) => data.slice(i * PART_LIMIT, (i + 1) * PART_LIMIT));
  for (let i = 0; i < chunks.length; i += 10)
    await Promise.all(
      chunks
        .slice(i, i + 10)
        .map((chunk, j) => putProperty(client, projectEntity(projectKey), partKey(slot, i + j), { v: 1, data: chunk })),
    );
  return count;
}

/** The index the status points at (one request), or undefined when a part is missing, broken or fails the schema. */
export async function readStoryIndex(
  client: JiraClient,
  projectKey: string,
  where: { slot: number; parts: number },
): Promise<StoryLinksIndex | undefined> {
  const keys = Array.from({ length: where.parts }, (_, i) => partKey(where.slot, i));
  const stored = await getProjectProperties(client, projectKey, keys);
  try {
    const data = keys.map((k) => Part.parse(stored[k]).data).join('');
    // Bounded: a stored value is input, and a small deflated one can inflate to gigabytes.
    const json = inflateRawSync(Buffer.from(data, 'base64'), { maxOutputLength: MAX_INFLATED }).toString('utf8');
    // Parsed within bounds, its threats' entries one at a time (see bounded-json): a hostile index
    // of millions of broken entries costs one entry's check.
    return parseWithLongLists(parseBoundedJson(json, INDEX_JSON_LIMITS), StoryLinksIndex, {
      byThreat: { element: StoryLinksIndex.shape.byThreat.element, maxNodes: ENTRY_MAX_NODES },
    });
  } catch {
    return undefined;
  }
}
