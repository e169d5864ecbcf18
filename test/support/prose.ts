// Deterministic, varied text for tests, so compressed sizes behave like real threat text
// (repeating padding would compress to almost nothing and make size tests meaningless).
const WORDS = (
  'attacker card payment session token refund webhook checkout buyer merchant report export admin role limit audit log ' +
  'replay forge script inject steal guess brute force leak cookie network device wallet account password reset email ' +
  'phone bank transfer chargeback fraud bot burst rate limit queue retry signature verify encrypt transit storage key ' +
  'rotate secret vault backup restore delete privacy personal data retention support agent search mask digits'
).split(' ');

export function prose(seed: number, length: number): string {
  let state = seed * 2654435761 || 1;
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    state = (Math.imul(state ^ (state >>> 13), 1274126177) + 12345) >>> 0;
    const word = WORDS[state % WORDS.length]!;
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ').slice(0, length);
}
