import type { Envelope } from '../../../../src/domain/common/envelope';

/** Parts asked for at most, and fresh starts after the source changed mid-way. */
const MAX_PARTS = 100;
const ATTEMPTS = 2;

/**
 * A download too large for one answer (Forge's limit; each part is under 1 MB): its first part,
 * then the others by index, asked with what the first part says about the whole (`later`),
 * joined. When the source changed between parts (CONFLICT), starts again once.
 */
export async function joinedParts<T extends { text: string; parts: number }>(
  first: () => Promise<Envelope<T>>,
  later: (first: T, index: number) => Promise<Envelope<T>>,
): Promise<Envelope<T>> {
  for (let attempt = 1; ; attempt++) {
    const head = await first();
    if (!head.ok) return head;
    const texts = [head.data.text];
    let failed: Envelope<T> | undefined;
    for (let index = 1; index < Math.min(head.data.parts, MAX_PARTS); index++) {
      const answer = await later(head.data, index);
      if (!answer.ok) {
        failed = answer;
        break;
      }
      texts.push(answer.data.text);
    }
    if (!failed) return { ok: true, data: { ...head.data, text: texts.join('') } };
    if (failed.ok || failed.error.code !== 'CONFLICT' || attempt >= ATTEMPTS) return failed;
  }
}
