// The demo's backlog: an online shop's payment team. Written like real stories, because the
// demo is how people first judge the app.
export interface DemoStory {
  summary: string;
  description: string;
  type?: 'Story' | 'Task' | 'Bug';
  labels?: string[];
  sprint?: 'closed' | 'active' | 'future';
  status?: 'To Do' | 'In Progress' | 'In Review' | 'Done';
  clauses?: Array<{ text: string; threatIds: string[] }>;
  /** Threats linked without a clause covering them (a gap the audit reports). */
  directThreatIds?: string[];
}

export const DEMO_STORIES: DemoStory[] = [
  {
    summary: 'As a buyer, I want to pay with my credit card so that I can buy goods',
    description:
      'Card payment at checkout through the payment service provider. Supports Visa, Mastercard and Amex; 3-D Secure where the issuer asks for it.',
    labels: ['checkout', 'payments'],
    sprint: 'active',
    status: 'In Progress',
    clauses: [{ text: 'having my card data stolen', threatIds: ['T-1'] }],
  },
  {
    summary: 'As a buyer, I want to save my card for later so that I can check out faster next time',
    description: 'Store a PSP token, never the card number. Show the last four digits and expiry in the wallet.',
    labels: ['checkout', 'wallet'],
    sprint: 'active',
    status: 'To Do',
    clauses: [{ text: 'anyone else being able to pay with my saved card', threatIds: ['T-4'] }],
    directThreatIds: ['T-1'],
  },
  {
    summary: 'As a buyer, I want to log in with my email and password so that I can see my orders',
    description: 'Email and password login with rate limiting and account lockout after repeated failures.',
    labels: ['login'],
    sprint: 'closed',
    status: 'Done',
    clauses: [{ text: 'someone guessing my password', threatIds: ['T-5'] }],
  },
  {
    summary: 'As a buyer, I want to stay signed in on my phone so that I do not have to log in every time',
    description: 'Long-lived sessions on mobile with refresh tokens; a way to sign out everywhere.',
    labels: ['login', 'mobile'],
    sprint: 'active',
    status: 'To Do',
    clauses: [{ text: 'my session being taken over on a shared Wi-Fi', threatIds: [] }],
  },
  {
    summary: 'As a buyer, I want to reset my password by email so that I can get back into my account',
    description: 'Reset link valid for 30 minutes, single use. Tell the user when the password changed.',
    labels: ['login'],
    sprint: 'future',
  },
  {
    summary: 'As a buyer, I want to ask for a refund on an order so that I get my money back for returned goods',
    description: 'Refund request from the order page, reviewed by support, paid back to the original card.',
    labels: ['refunds'],
    sprint: 'active',
    status: 'To Do',
    clauses: [{ text: 'refunds being paid to someone who never bought anything', threatIds: ['T-3'] }],
  },
  {
    summary: 'As a support agent, I want to issue a partial refund so that I can settle a complaint',
    description: 'Partial refunds up to the order total, with a reason picked from a list and a free-text note.',
    labels: ['refunds', 'backoffice'],
    sprint: 'future',
  },
  {
    summary: 'As a finance manager, I want a daily settlement report so that I can reconcile payouts',
    description: 'CSV export of captured, refunded and charged-back amounts per day and per currency.',
    labels: ['admin-reports'],
    sprint: 'future',
    clauses: [{ text: 'the report being changed before it reaches me', threatIds: ['T-6'] }],
  },
  {
    summary: 'As an admin, I want to see every change to refund limits so that I can answer auditors',
    description: 'Audit trail of refund limit changes: who, when, old and new value.',
    labels: ['admin-reports', 'backoffice'],
  },
  {
    summary: 'As a buyer, I want to pay with PayPal so that I do not have to type my card details',
    description: 'Redirect flow with the PSP; the order is confirmed only after the server-side callback.',
    labels: ['checkout', 'payments'],
    sprint: 'future',
  },
  {
    summary: 'As a buyer, I want to see the total in my currency before I pay so that there are no surprises',
    description: 'Show converted totals using the PSP exchange rate quoted at checkout.',
    labels: ['checkout'],
  },
  {
    summary: 'As a fraud analyst, I want to see card payments declined in bursts so that I can stop card testing',
    description: 'Dashboard of authorisation declines by IP, device and BIN in five-minute windows.',
    labels: ['fraud', 'admin-reports'],
    sprint: 'active',
    clauses: [{ text: 'stolen cards being tested against our checkout', threatIds: ['T-2'] }],
  },
  {
    summary: 'As a buyer, I want to receive an email receipt so that I have proof of payment',
    description: 'Receipt with order lines, amount, the last four digits of the card and the merchant name.',
    labels: ['checkout', 'notifications'],
    sprint: 'closed',
    status: 'Done',
  },
  {
    summary: 'As a merchant admin, I want to invite colleagues with limited roles so that not everyone can refund',
    description: 'Roles: viewer, support (refunds up to a limit), finance (reports), owner.',
    labels: ['backoffice'],
    clauses: [{ text: 'a support agent giving themselves the owner role', threatIds: [] }],
  },
  {
    summary: 'As a buyer, I want to delete my account so that my personal data is removed',
    description: 'Delete personal data on request; keep what the law requires for accounting, anonymised.',
    labels: ['privacy'],
  },
  {
    summary: 'As a buyer, I want two-step verification so that my account is safe even if my password leaks',
    description: 'TOTP apps and SMS fallback; recovery codes.',
    labels: ['login'],
    sprint: 'future',
  },
  {
    summary: 'As an operations engineer, I want payment webhooks retried so that no order stays unpaid by mistake',
    description: 'Retry PSP webhooks with backoff; make handling idempotent by event id.',
    type: 'Task',
    labels: ['payments', 'ops'],
    sprint: 'active',
    status: 'In Review',
  },
  {
    summary: 'Checkout button stays disabled after a declined card',
    description: 'After a decline the button does not re-enable until the page is reloaded.',
    type: 'Bug',
    labels: ['checkout'],
    sprint: 'active',
    status: 'To Do',
  },
  {
    summary: 'As a buyer, I want to see my past orders and their payment status so that I know what I paid',
    description: 'Order history with status: paid, refunded, partially refunded, charged back.',
    labels: ['orders'],
    sprint: 'closed',
    status: 'Done',
  },
  {
    summary: 'As a support agent, I want to look up an order by the last four card digits so that I can help callers',
    description: 'Search orders by last four digits, amount and date; never show the full card number.',
    labels: ['backoffice'],
    clauses: [{ text: 'agents seeing or exporting full card numbers', threatIds: ['T-11', 'T-12'] }],
  },
];
