import { AppError } from '../common/app-error';

// One threat or mitigation must fit one shard (a Jira property value holds at most 32,768
// characters; the store keeps each shard under its own limit). Each part is bounded, but
// together they can outgrow it: ten long detection events and twenty long acceptance reasons,
// say. Such a change is refused, naming the record and what takes the room, before anything is written.

/** The parts of a record that grow with use, largest first, with how much room each takes (JSON characters). */
function largestParts(record: Record<string, unknown>): string[] {
  const parts: Array<[string, unknown]> = [
    ['detection events', record.detectionEvents],
    ['acceptance history entries', record.acceptanceHistory],
    ['verification records', record.verifications],
    ['description', record.description],
    ['answers to the STRIDE questions', record.answers],
  ];
  return parts
    .filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]) => {
      const count = Array.isArray(value) ? `${value.length} ` : '';
      return {
        text: `${count}${name} (${JSON.stringify(value).length.toLocaleString('en')} characters)`,
        size: JSON.stringify(value).length,
      };
    })
    .sort((a, b) => b.size - a.size)
    .map((p) => p.text);
}

/**
 * The error for a record whose stored form (`encodedSize` characters, as the store measures it)
 * is over `limit`: which record, and what to shorten or remove.
 */
export function recordTooLarge(record: { id: string; title?: unknown }, encodedSize: number, limit: number): AppError {
  const title = typeof record.title === 'string' ? ` "${record.title}"` : '';
  const parts = largestParts(record as Record<string, unknown>);
  return new AppError(
    'BAD_REQUEST',
    `${record.id}${title} would take ${encodedSize.toLocaleString('en')} characters stored, more than the ${limit.toLocaleString('en')} one record may. ` +
      `Nothing was saved. Shorten or remove some of what it holds${parts.length > 0 ? `, largest first: ${parts.join(', ')}` : ''}.`,
  );
}
