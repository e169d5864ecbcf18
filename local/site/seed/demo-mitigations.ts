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
  },
  {
    title: 'Lock accounts after repeated failed logins',
    implementation: 'Five failures in 15 minutes lock the account for 15 minutes; CAPTCHA after three.',
    verification: 'An automated test tries six wrong passwords and sees the lock and the email.',
    controlType: 'preventive',
    addresses: [{ threatId: 'T-5', strength: 50 }],
    status: 'accepted',
    rejectionReason: '',
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
  },
];
