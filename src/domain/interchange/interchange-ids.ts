/**
 * A UUID-shaped id made from `seed` alone (four 32-bit FNV-1a hashes with different offsets,
 * version and variant bits set as in a v4 UUID): Threat Composer links records by 36-character
 * ids, and an export must give a threat the same id every time so a re-import finds it.
 */
export function uuidFrom(seed: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((offset) => {
    let hash = offset >>> 0;
    for (let i = 0; i < seed.length; i += 1) {
      hash ^= seed.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `preferred` unless it is taken (or empty), else `fallback`; records the one returned. */
export function uniqueId(preferred: string | undefined, fallback: string, taken: Set<string>): string {
  const id = preferred && !taken.has(preferred) ? preferred : fallback;
  taken.add(id);
  return id;
}
