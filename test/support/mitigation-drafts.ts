// A mitigation as a person writes it in the form: the demo's Critical threat T-1 (card details
// skimmed), addressed by TLS. Tests add it, or copies of it under other titles.
export const tlsMitigation = {
  title: 'Enforce TLS 1.2+ with HSTS',
  implementation: 'Terminate TLS 1.2+ only; send HSTS with a one-year max-age.',
  verification: 'An SSL Labs scan grades A; HTTP redirects to HTTPS.',
  controlType: 'preventive',
  addresses: [{ threatId: 'T-1', strength: 75 }],
};
