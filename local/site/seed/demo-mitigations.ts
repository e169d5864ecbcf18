import type { MitigationDraft } from '../../../src/domain/mitigation/mitigation';

/** Mitigations PAY already has: some in place, one in the backlog, one only proposed. */
export const DEMO_MITIGATIONS: Array<
  MitigationDraft & { task?: { status: 'To Do' | 'In Progress' | 'Done'; daysAgo: number } }
> = [
  {
    title: 'Tokenise stored cards with the PSP vault',
    implementation: 'Store only the PSP token and the last four digits; never the PAN.',
    verification: 'A database scan finds no 13-19 digit card numbers.',
    controlType: 'preventive',
    addresses: [{ threatId: 'T-4', strength: 50 }],
    status: 'existing',
    rejectionReason: '',
    // ASVS: no card number is stored at all (5.0 V14.2.4 sensitive-data controls; 4.0.3 V6.1.3 financial data at rest).
    asvs: ['v5.0.0-14.2.4', 'v4.0.3-6.1.3'],
  },
  {
    title: 'Lock accounts after repeated failed logins',
    implementation: 'Five failures in 15 minutes lock the account for 15 minutes; CAPTCHA after three.',
    verification: 'An automated test tries six wrong passwords and sees the lock and the email.',
    controlType: 'preventive',
    addresses: [{ threatId: 'T-5', strength: 50 }],
    status: 'accepted',
    rejectionReason: '',
    // ASVS: controls against credential stuffing and brute force (5.0 V6.3.1; 4.0.3 V2.2.1).
    asvs: ['v5.0.0-6.3.1', 'v4.0.3-2.2.1'],
    task: { status: 'Done', daysAgo: 20 },
  },
  {
    title: 'Velocity limits on card authorisations per device and IP',
    implementation:
      'At most 5 authorisation attempts per device and per IP in 10 minutes; block BINs with burst declines.',
    verification: 'A load test with 50 cards from one device is blocked after 5 attempts.',
    controlType: 'preventive',
    addresses: [{ threatId: 'T-2', strength: 75 }],
    status: 'accepted',
    rejectionReason: '',
    // ASVS: anti-automation against excessive calls (5.0 V2.4.1; 4.0.3 V11.1.4).
    asvs: ['v5.0.0-2.4.1', 'v4.0.3-11.1.4'],
    task: { status: 'To Do', daysAgo: 5 },
  },
  {
    title: 'Four-eyes approval for refunds above the limit',
    implementation: 'Refunds above 200 EUR need a second agent to approve; refunds go only to the original card.',
    verification: 'A refund above the limit stays pending until another agent approves it.',
    controlType: 'preventive',
    addresses: [{ threatId: 'T-3', strength: 75 }],
    status: 'proposed',
    rejectionReason: '',
    // ASVS: multi-user approval of high-value flows (5.0 V2.3.5, level 3; 4.0.3 V11.1.5 business limits).
    asvs: ['v5.0.0-2.3.5', 'v4.0.3-11.1.5'],
  },
  {
    // In place, so a security test can say it does not work yet: the demo's CodeQL file
    // (demo-codeql.sarif) reports reflected XSS (CWE-79), which T-7 names.
    title: 'Encode output on every page and keep the session cookie HttpOnly',
    implementation:
      'Templates escape by default; no innerHTML with user input; the session cookie is HttpOnly, Secure, SameSite=Lax.',
    verification: 'CodeQL finds no js/reflected-xss or js/xss; the cookie flags show in the browser.',
    controlType: 'preventive',
    addresses: [{ threatId: 'T-7', strength: 50 }],
    status: 'existing',
    rejectionReason: '',
  },
];
