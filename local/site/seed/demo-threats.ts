import type { ThreatDraft } from '../../../src/domain/threat-model/threat';

// PAY's threat model in the demo: what a payments team would really worry about. A few
// threats have no story on purpose; the audit finds them. Two came from the built-in
// knowledge base (`template`) and were reworded by the team since, so the Monitoring tab
// lists their detection events from the first start.
export const DEMO_THREATS: Array<ThreatDraft & { retired?: boolean; template?: string }> = [
  {
    title: 'Card details skimmed by a malicious script on the checkout page',
    description: 'A third-party or injected script reads the card fields and sends them elsewhere (Magecart-style).',
    stride: ['T', 'I'],
    probability: 4,
    impact: 5,
    component: 'Checkout web page',
  },
  {
    title: 'Card testing: stolen cards checked with small payments',
    description:
      'Bots try lists of stolen card numbers with low amounts to find the ones that work, running up PSP fees and chargebacks.',
    stride: ['S', 'D'],
    probability: 4,
    impact: 3,
    component: 'Payment API',
  },
  {
    title: 'Refund paid to someone who never paid',
    description:
      'A refund is issued to a card or account other than the one that was charged, or for an order that was never paid.',
    stride: ['T', 'E'],
    probability: 3,
    impact: 4,
    component: 'Refund service',
  },
  {
    title: 'Saved card used by someone else on a shared device',
    description: 'Anyone with access to a signed-in session can pay with the stored card without confirming it.',
    stride: ['S'],
    probability: 3,
    impact: 4,
    component: 'Wallet',
  },
  {
    title: 'Credential stuffing against the login',
    description: 'Leaked email and password pairs from other sites are tried at scale against our login.',
    stride: ['S'],
    probability: 4,
    impact: 4,
    component: 'Login',
    template: 'WEB-S-01',
  },
  {
    title: 'Settlement report altered before it reaches finance',
    description: 'The daily settlement export is changed in transit or in storage, hiding missing payouts.',
    stride: ['T', 'R'],
    probability: 2,
    impact: 4,
    component: 'Admin reports',
  },
  {
    title: 'Session hijacked through a stolen session cookie',
    description: 'A session cookie stolen on an open network or through XSS lets an attacker act as the buyer.',
    stride: ['S', 'E'],
    probability: 3,
    impact: 5,
    component: 'Session management',
    // Set by hand, so security-test results (SARIF) about cross-site scripting map to T-7.
    cwe: ['CWE-79', 'CWE-1004'],
  },
  {
    title: 'Refund limits changed without a trace',
    description: 'An admin raises refund limits and nobody can later tell who did it or when.',
    stride: ['R'],
    probability: 2,
    impact: 3,
    component: 'Back office',
  },
  {
    title: 'Forged payment webhook marks unpaid orders as paid',
    description: 'Anyone who finds the webhook URL can post a fake "payment captured" event.',
    stride: ['S', 'T'],
    probability: 2,
    impact: 5,
    component: 'Webhook endpoint',
    template: 'WEB-S-05',
  },
  {
    title: 'Checkout unavailable under a flood of requests',
    description: 'A burst of requests against the checkout API exhausts connections to the PSP.',
    stride: ['D'],
    probability: 3,
    impact: 3,
    component: 'Checkout API',
  },
  {
    title: 'Support agents see full card numbers in order search',
    description: 'Order search shows or exports more card data than support needs.',
    stride: ['I'],
    probability: 2,
    impact: 4,
    component: 'Back office',
  },
  {
    title: 'Card numbers written to application logs',
    description: 'Replaced by the tokenisation work; kept for the record.',
    stride: ['I'],
    probability: 2,
    impact: 5,
    component: 'Payment API',
    retired: true,
  },
];
