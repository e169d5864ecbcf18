const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

// Ids are made in the browser so a new clause can be saved in the same call that adds it.
export function newClauseId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `c-${Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;
}
