/** A run of words both texts share, or that only the old (removed) or the new (added) one has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Beyond this many word pairs the table would cost too much: the texts are shown as replaced whole. */
const MAX_CELLS = 4_000_000;

/** Words with the white space after them, so the parts join back into the texts exactly. */
const words = (text: string): string[] => text.match(/\s+|\S+\s*/g) ?? [];

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * The word-level difference between two texts (longest common subsequence of words). Joining
 * the same and removed parts gives `from`; the same and added parts give `to`.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  const a = words(from);
  const b = words(to);
  // The shared start and end cost nothing to find and are most of a small edit.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  for (const part of middleDiff(a.slice(start, a.length - end), b.slice(start, b.length - end)))
    push(parts, part.kind, part.text);
  push(parts, 'same', a.slice(a.length - end).join(''));
  return parts;
}

function middleDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    const whole: DiffPart[] = [];
    push(whole, 'removed', a.join(''));
    push(whole, 'added', b.join(''));
    return whole;
  }
  // lengths[i * (m + 1) + j]: the longest common subsequence of a[i..] and b[j..].
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i++]!);
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push(parts, 'removed', a[i++]!);
    } else {
      push(parts, 'added', b[j++]!);
    }
  }
  push(parts, 'removed', a.slice(i).join(''));
  push(parts, 'added', b.slice(j).join(''));
  return removedBeforeAdded(parts);
}

/** Within each run of changes, what goes before what comes: "old words" then "new words". */
function removedBeforeAdded(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    push(out, 'removed', removed);
    push(out, 'added', added);
    removed = added = '';
  };
  for (const part of parts) {
    if (part.kind === 'same') {
      flush();
      push(out, 'same', part.text);
    } else if (part.kind === 'removed') removed += part.text;
    else added += part.text;
  }
  flush();
  return out;
}

/** What a shortened shared run stands for, where words were left out. */
export const ELLIPSIS = '… ';

/**
 * The parts with long shared runs shortened to `context` words around each change, so a
 * one-word edit in a long description reads at a glance.
 */
export function compactDiff(parts: DiffPart[], context = 6): DiffPart[] {
  return parts.map((part, index) => {
    if (part.kind !== 'same') return part;
    const runs = words(part.text);
    const keepBefore = index > 0 ? context : 0; // words after the change before this run
    const keepAfter = index < parts.length - 1 ? context : 0; // words before the next change
    if (runs.length <= keepBefore + keepAfter + 2) return part;
    const head = runs.slice(0, keepBefore).join('');
    const tail = keepAfter > 0 ? runs.slice(runs.length - keepAfter).join('') : '';
    return { kind: 'same', text: `${head}${ELLIPSIS}${tail}` };
  });
}
