import { type Strength } from '../../mitigation';
import { type StrideCategory } from '../../stride';
import { type COMPONENT_KINDS, KB_FORMAT, type KnowledgeBaseInput, QUESTION_TOPICS, type Reference, type Rule } from '../knowledge-base';

// The built-in knowledge base for web applications and APIs: the threats a backlog of a typical
// web shop, SaaS product or public API keeps meeting, themed on the OWASP Top 10 (2021) and the
// OWASP API Security Top 10 (2023), with CAPEC and CWE ids for further reading. Written for this
// app; rules are tuned to the words product owners use in stories.

type ComponentKind = (typeof COMPONENT_KINDS)[number];
type ThreatInput = KnowledgeBaseInput['threats'][number];
type MitigationInput = KnowledgeBaseInput['mitigations'][number];
type QuestionInput = NonNullable<KnowledgeBaseInput['questions']>[number];

const words = (...values: string[]): Rule => ({ words: values });
const any = (...rules: Rule[]): Rule => ({ any: rules });
const all = (...rules: Rule[]): Rule => ({ all: rules });
const not = (rule: Rule): Rule => ({ not: rule });
const label = (...values: string[]): Rule => ({ label: values });
const component = (...values: string[]): Rule => ({ component: values });
const issueType = (...values: string[]): Rule => ({ issueType: values });
const linked = (...values: string[]): Rule => ({ linkedThreat: values });

/** "CAPEC-94" and "CWE-319" by their prefix; any other string is an OWASP category. */
const refs = (...ids: Array<string | Reference>): Reference[] =>
  ids.map((id) => (typeof id !== 'string' ? id : { kind: id.startsWith('CAPEC-') ? 'capec' : id.startsWith('CWE-') ? 'cwe' : 'owasp', value: id }));
const note = (value: string): Reference => ({ kind: 'note', value });

const A01 = 'A01:2021 Broken Access Control';
const A02 = 'A02:2021 Cryptographic Failures';
const A03 = 'A03:2021 Injection';
const A04 = 'A04:2021 Insecure Design';
const A05 = 'A05:2021 Security Misconfiguration';
const A06 = 'A06:2021 Vulnerable and Outdated Components';
const A07 = 'A07:2021 Identification and Authentication Failures';
const A08 = 'A08:2021 Software and Data Integrity Failures';
const A09 = 'A09:2021 Security Logging and Monitoring Failures';
const A10 = 'A10:2021 Server-Side Request Forgery';
const API1 = 'API1:2023 Broken Object Level Authorization';
const API2 = 'API2:2023 Broken Authentication';
const API3 = 'API3:2023 Broken Object Property Level Authorization';
const API4 = 'API4:2023 Unrestricted Resource Consumption';
const API5 = 'API5:2023 Broken Function Level Authorization';
const API6 = 'API6:2023 Unrestricted Access to Sensitive Business Flows';
const API7 = 'API7:2023 Server Side Request Forgery';
const API8 = 'API8:2023 Security Misconfiguration';
const API10 = 'API10:2023 Unsafe Consumption of APIs';

// Word groups several rules share, so that the same story wording reaches the same threats.
const SIGN_IN = ['login', 'log in', 'logon', 'sign in', 'signin', 'password', 'credentials', 'authenticate', 'authentication'];
const CARD = ['card', 'credit card', 'debit card', 'card number', 'card details', 'cvv', 'cvc', 'pay', 'paid', 'payment', 'checkout', 'billing'];
// Not "credit" alone: it would match every "credit card".
const MONEY_FLOW = ['refund', 'coupon', 'voucher', 'discount', 'gift card', 'redeem', 'balance', 'wallet', 'store credit', 'loyalty points', 'withdraw', 'transfer'];
const ADMIN = ['admin', 'administrator', 'back office', 'backoffice', 'moderator', 'moderate', 'approve', 'manage users', 'role', 'permission'];
const UPLOAD = ['upload', 'attachment', 'attach', 'file', 'image', 'photo', 'avatar', 'document', 'import'];
const PERSONAL = ['personal data', 'personal information', 'pii', 'profile', 'address', 'phone', 'date of birth', 'email address', 'customer data', 'gdpr'];
const EXPORT = ['export', 'report', 'download', 'csv', 'excel', 'spreadsheet', 'extract', 'backup'];
const INTEGRATION = ['webhook', 'callback', 'integration', 'partner', 'third party', 'provider', 'api key', 'sync'];
// Not "message", "event" or "subscribe" alone: stories use them for chat, tickets and newsletters.
const QUEUE = ['queue', 'message queue', 'event bus', 'domain event', 'kafka', 'rabbitmq', 'sqs', 'pubsub', 'pub sub', 'background job', 'worker', 'async', 'asynchronous'];

interface ThreatSpec {
  id: string;
  title: string;
  description: string;
  stride: StrideCategory[];
  /** [probability, impact], each 1-5. */
  rating: [number, number];
  top?: boolean;
  component: ComponentKind;
  when: Rule;
  refs: Array<string | Reference>;
  /** [title, signal] of what to log or alert on. */
  detect: Array<[string, string]>;
}

const threat = (t: ThreatSpec): ThreatInput => ({
  id: t.id,
  title: t.title,
  description: t.description,
  stride: t.stride,
  probability: t.rating[0],
  impact: t.rating[1],
  top: t.top ?? false,
  component: t.component,
  appliesWhen: t.when,
  references: refs(...t.refs),
  detectionEvents: t.detect.map(([title, signal], i) => ({ id: `${t.id}-D${i + 1}`, title, signal })),
});

const spoofing: ThreatSpec[] = [
  {
    id: 'WEB-S-01',
    title: 'Account takeover by credential stuffing or password guessing',
    description:
      'Attackers replay username and password pairs leaked from other sites, or guess common passwords, against the sign-in form or token endpoint at scale, and take over every account that reused a password.',
    stride: ['S'],
    rating: [4, 4],
    top: true,
    component: 'identity',
    when: all(words(...SIGN_IN), not(words('passwordless', 'magic link'))),
    refs: ['CAPEC-600', 'CAPEC-49', 'CWE-307', 'CWE-1391', A07, API2],
    detect: [
      ['Failed sign-ins spike', 'Count failed sign-ins per source IP, per account and overall; alert when failures exceed 5x the hourly baseline or one IP fails on more than 20 distinct accounts in 10 minutes.'],
      ['Successful sign-in after many failures', 'Log every sign-in with account, IP, user agent and result; alert on a success from an IP that failed on other accounts in the last hour.'],
    ],
  },
  {
    id: 'WEB-S-02',
    title: 'Session hijacked or fixed by an attacker',
    description:
      'A session id or refresh token is stolen (script injection, network sniffing, logs, shared computer) or planted before sign-in, and the attacker acts as the user until it expires. Long-lived sessions and sessions not revoked at sign-out or password change widen the window.',
    stride: ['S'],
    rating: [3, 4],
    top: true,
    component: 'identity',
    when: words(...SIGN_IN, 'session', 'remember me', 'stay signed in', 'keep me logged in', 'logout', 'log out', 'sign out', 'cookie'),
    refs: ['CAPEC-593', 'CAPEC-61', 'CWE-384', 'CWE-613', 'CWE-614', 'CWE-1004', A07],
    detect: [['Session used from two places', 'Log session id hash, IP and user agent per request; alert when one session is used from two countries or user agents within 5 minutes.']],
  },
  {
    id: 'WEB-S-03',
    title: 'API access token forged, replayed or accepted without full validation',
    description:
      'The API accepts a JWT with "alg: none" or an attacker-chosen algorithm, a token signed with a weak or leaked secret, a token issued for another audience, or an expired token; an API key is the only proof of identity and is replayable forever.',
    stride: ['S'],
    rating: [3, 5],
    top: true,
    component: 'api',
    when: any(words('token', 'jwt', 'bearer', 'access token', 'refresh token', 'api key', 'oauth', 'public api', 'rest api', 'graphql', 'mobile app'), label('api')),
    refs: ['CAPEC-196', 'CAPEC-633', 'CWE-347', 'CWE-287', 'CWE-294', API2],
    detect: [['Token validation failures', 'Log token rejections by reason (signature, expired, audience, issuer); alert when signature failures from one client exceed 10 per minute or any token with alg "none" arrives.']],
  },
  {
    id: 'WEB-S-04',
    title: 'Account taken over through password reset or recovery',
    description:
      'Reset links that are guessable, long-lived, reusable, sent to an email the attacker just changed, or built from the Host header (reset poisoning); security questions and support-desk recovery that accept public facts.',
    stride: ['S'],
    rating: [3, 5],
    top: true,
    component: 'identity',
    when: words('reset password', 'password reset', 'forgot password', 'forgotten password', 'account recovery', 'recover account', 'change email', 'change password', 'security question'),
    refs: ['CAPEC-50', 'CWE-640', 'CWE-620', A07],
    detect: [['Reset bursts', 'Log reset requests and completions per account and IP; alert on more than 3 resets for one account in an hour or resets for more than 20 accounts from one IP.']],
  },
  {
    id: 'WEB-S-05',
    title: 'Forged webhook or callback accepted as coming from a provider',
    description:
      'Anyone who knows the callback URL posts a "payment succeeded", "refund completed" or "user verified" event; the application trusts the body without checking a signature, timestamp or the provider\'s own API, and ships goods or changes state.',
    stride: ['S', 'T'],
    rating: [3, 5],
    top: true,
    component: 'external-service',
    when: any(words('webhook', 'callback', 'ipn', 'payment notification', 'payment status', 'notify url', 'return url'), all(words(...CARD), words('provider', 'gateway', 'stripe', 'adyen', 'paypal'))),
    refs: ['CAPEC-194', 'CWE-345', 'CWE-347', API10],
    detect: [['Webhook signature failures', 'Log every webhook with provider, event id, signature result and source IP; alert on any signature failure or an event id the provider API does not know.']],
  },
  {
    id: 'WEB-S-06',
    title: 'Users phished through our emails or an open redirect on our domain',
    description:
      'Attackers send lookalike messages from our unauthenticated sending domain, or links to our own site that redirect to theirs (returnUrl, next, redirect parameters), so victims trust the link and enter credentials or card data on the attacker\'s page.',
    stride: ['S'],
    rating: [3, 3],
    component: 'web-ui',
    when: words('send email', 'email notification', 'confirmation email', 'newsletter', 'invite', 'invitation', 'redirect', 'return url', 'returnurl', 'deep link', 'magic link'),
    refs: ['CAPEC-98', 'CWE-601', 'CWE-451'],
    detect: [['Redirects to foreign hosts', 'Log redirect parameters that were rejected by the allow-list; alert on more than 50 rejections an hour, a sign of a phishing campaign testing the redirect.']],
  },
  {
    id: 'WEB-S-07',
    title: 'Multi-factor authentication bypassed',
    description:
      'One-time codes brute-forced because attempts are not limited, codes not bound to the sign-in session, push fatigue (users approve repeated prompts), SIM swap on SMS codes, or a fallback path (remember device, recovery codes, API sign-in) that skips the second factor.',
    stride: ['S'],
    rating: [2, 5],
    component: 'identity',
    when: words('mfa', '2fa', 'two factor', 'two-factor', 'multi factor', 'otp', 'one time password', 'one-time code', 'verification code', 'sms code', 'authenticator', 'passkey', 'remember device'),
    refs: ['CAPEC-114', 'CWE-308', 'CWE-307', 'CWE-287', A07],
    detect: [['Second-factor failures', 'Log each MFA challenge and result; alert on more than 5 failed codes for a session, or more than 3 rejected push prompts in 10 minutes.']],
  },
  {
    id: 'WEB-S-08',
    title: 'Single sign-on or social login abused to sign in as someone else',
    description:
      'OAuth or OpenID Connect flows without state or PKCE, loose redirect_uri matching, accounts linked by an unverified email from the identity provider, or SAML responses accepted without full signature validation let an attacker sign in to a victim\'s account.',
    stride: ['S'],
    rating: [2, 5],
    component: 'identity',
    when: words('sso', 'single sign on', 'single sign-on', 'oauth', 'openid', 'oidc', 'saml', 'social login', 'identity provider', 'sign in with google', 'sign in with apple', 'sign in with microsoft', 'login with google'),
    refs: ['CAPEC-21', 'CWE-287', 'CWE-601', 'CWE-347', A07],
    detect: [['Identity-provider responses rejected', 'Log state, nonce, audience and signature failures of SSO callbacks; alert on any SAML signature failure and on account links to an already existing local account.']],
  },
  {
    id: 'WEB-S-09',
    title: 'Default, shared or hard-coded credentials on consoles and service accounts',
    description:
      'Admin consoles, databases, message brokers or integrations keep vendor defaults or a password committed in code or configuration; anyone who reads the repository, a container image or the vendor manual can sign in.',
    stride: ['S', 'E'],
    rating: [2, 5],
    component: 'identity',
    when: any(words('admin console', 'admin panel', 'service account', 'technical user', 'default password', 'hard coded', 'hardcoded', 'api key', 'secret', 'deploy', 'deployment'), label('infrastructure', 'devops')),
    refs: ['CAPEC-70', 'CWE-798', 'CWE-1392', A07, A05],
    detect: [['Sign-in with a known default account', 'Alert on any sign-in attempt with usernames such as admin, root, test or a vendor default, successful or not.']],
  },
];

const tampering: ThreatSpec[] = [
  {
    id: 'WEB-T-01',
    title: 'Injection into database queries (SQL or NoSQL)',
    description:
      'Search terms, filters, sort fields or ids are concatenated into SQL, or JSON operators ($ne, $where) reach a NoSQL query, letting an attacker read, change or delete data beyond their own.',
    stride: ['T', 'I'],
    rating: [3, 5],
    top: true,
    component: 'data-store',
    when: words('search', 'filter', 'sort', 'query', 'lookup', 'look up', 'report', 'database', 'sql'),
    refs: ['CAPEC-66', 'CWE-89', 'CWE-943', A03],
    detect: [['Query syntax errors', 'Alert on database syntax errors raised by request handlers (they do not happen with parameterised queries) and on WAF injection signatures per client.']],
  },
  {
    id: 'WEB-T-02',
    title: 'Cross-site scripting runs an attacker\'s script in users\' browsers',
    description:
      'Text from one user (names, comments, reviews, messages, rich text, file names) or from the URL is rendered without contextual encoding, so script runs in another user\'s session: it reads their data, acts as them or replaces the payment form.',
    stride: ['T', 'E'],
    rating: [4, 4],
    top: true,
    component: 'web-ui',
    when: words('comment', 'review', 'message', 'chat', 'post', 'profile', 'display name', 'rich text', 'html', 'markdown', 'wysiwyg', 'editor', 'search', 'preview', 'template'),
    refs: ['CAPEC-63', 'CAPEC-592', 'CAPEC-591', 'CWE-79', A03],
    detect: [['Content Security Policy violations', 'Collect CSP reports; alert when inline-script or unknown-host violations exceed the baseline or come from a page showing user content.']],
  },
  {
    id: 'WEB-T-03',
    title: 'Cross-site request forgery makes a signed-in user\'s browser change something',
    description:
      'Another site submits a form or request to ours, carried by the victim\'s cookies: changing the email, placing an order, transferring money. Happens when state changes accept cookies without SameSite protection, an anti-forgery token or an Origin check, or use GET.',
    stride: ['T'],
    rating: [3, 4],
    component: 'web-ui',
    // Stories can say a change is made only through the API (no browser, no cookies): CSRF does not apply.
    when: all(words('form', 'submit', 'settings', 'transfer', 'delete', 'pay', 'payment', 'place order', 'email', 'password'), not(label('api-only'))),
    refs: ['CAPEC-62', 'CWE-352', 'CWE-1275', A01],
    detect: [['Requests with a foreign Origin', 'Log state-changing requests refused for a missing or foreign Origin or anti-forgery token; alert on a burst from many accounts at once.']],
  },
  {
    id: 'WEB-T-04',
    title: 'Price, quantity or amount manipulated by the client',
    description:
      'The server trusts a price, total, discount, currency, quantity or shipping fee sent by the browser or app; an attacker edits the request to pay 0.01, order -1 items for a credit, or apply a discount twice.',
    stride: ['T'],
    rating: [4, 4],
    top: true,
    component: 'api',
    when: words('price', 'amount', 'quantity', 'total', 'cart', 'basket', 'checkout', 'place order', 'place an order', 'discount', 'coupon', 'voucher', 'shipping cost', 'currency', 'pay', 'payment'),
    refs: ['CAPEC-162', 'CAPEC-39', 'CWE-472', 'CWE-602', 'CWE-1284', A04],
    detect: [['Order total differs from the catalogue', 'Compare the charged amount with the server-side recalculation; alert on every mismatch and on zero or negative line totals.']],
  },
  {
    id: 'WEB-T-05',
    title: 'Malicious file uploaded: web shell, malware or archive escaping its folder',
    description:
      'An upload accepted by extension or client-declared type turns out to be a script the server executes, an HTML or SVG file that runs script when served from our domain, malware passed on to other users, or an archive whose entries write outside the target folder (zip slip).',
    stride: ['T', 'E'],
    rating: [3, 5],
    top: true,
    component: 'api',
    when: words(...UPLOAD, 'svg', 'pdf', 'zip', 'archive'),
    refs: ['CAPEC-650', 'CAPEC-17', 'CWE-434', 'CWE-22', A04],
    detect: [['Rejected or infected uploads', 'Log each upload with account, declared and detected type, size and scan result; alert on any malware hit and on more than 10 type mismatches per account per day.']],
  },
  {
    id: 'WEB-T-06',
    title: 'Command or server-side template injection through conversion or rendering',
    description:
      'File names, options or text reach a shell command (image resize, PDF generation, archive tools) or a server-side template engine, so the attacker runs code on the server.',
    stride: ['T', 'E'],
    rating: [2, 5],
    component: 'api',
    when: words('convert', 'conversion', 'generate pdf', 'pdf', 'render', 'thumbnail', 'resize', 'template', 'email template', 'script', 'shell', 'command'),
    refs: ['CAPEC-88', 'CWE-78', 'CWE-1336', 'CWE-94', A03],
    detect: [['Unexpected child processes', 'Alert when the application process starts a shell or a binary outside the allow-list (runtime security agent or audit log of execve).']],
  },
  {
    id: 'WEB-T-07',
    title: 'Mass assignment changes fields the user must not set',
    description:
      'An update endpoint binds the whole request body to the stored object, so adding "role": "admin", "verified": true, "price" or "ownerId" to a profile, order or registration request changes them.',
    stride: ['T', 'E'],
    rating: [3, 4],
    top: true,
    component: 'api',
    when: words('profile', 'edit', 'update', 'settings', 'register', 'registration', 'sign up', 'signup', 'account details', 'patch', 'rest api'),
    refs: ['CAPEC-77', 'CWE-915', API3, A01],
    detect: [['Unknown or protected fields in requests', 'Log requests rejected for properties outside the endpoint\'s schema; alert when a client sends protected fields such as role, isAdmin or ownerId.']],
  },
  {
    id: 'WEB-T-08',
    title: 'Untrusted data deserialised into objects (insecure deserialisation, prototype pollution)',
    description:
      'Imported files, cookies, cached values or messages are deserialised with a format that can name types (Java/.NET/PHP serialisation, YAML tags) or merged into JavaScript objects so "__proto__" changes every object; both lead to code execution or logic bypass.',
    stride: ['T', 'E'],
    rating: [2, 5],
    component: 'api',
    when: words('import', 'restore', 'serialize', 'serialise', 'deserialize', 'deserialise', 'yaml', 'pickle', 'merge', 'cache', 'session data'),
    refs: ['CAPEC-586', 'CWE-502', 'CWE-1321', A08],
    detect: [['Deserialisation rejects', 'Log payloads refused by the schema or type allow-list and any "__proto__" or "constructor" key in JSON input; alert on the first occurrence per client.']],
  },
  {
    id: 'WEB-T-09',
    title: 'Race condition spends, redeems or refunds twice',
    description:
      'Two requests sent at the same instant both pass the "is it still available" check before either writes: a coupon is redeemed twice, a balance withdrawn twice, the last item sold twice, a refund paid twice.',
    stride: ['T'],
    rating: [3, 4],
    component: 'data-store',
    when: any(words(...MONEY_FLOW, 'stock', 'inventory', 'limited', 'seat', 'ticket', 'booking', 'reservation'), linked('WEB-T-04')),
    refs: ['CAPEC-26', 'CAPEC-29', 'CWE-362', 'CWE-367', 'CWE-837', A04],
    detect: [['Double use of a single-use item', 'Alert when a coupon, gift card or refund is applied more than once or a balance goes negative; log idempotency-key conflicts.']],
  },
  {
    id: 'WEB-T-10',
    title: 'Messages on a queue or event bus forged, altered or replayed',
    description:
      'A service or anyone with network access publishes or changes messages (order placed, payment captured, role granted); consumers trust them because they came from the bus, and process replays again.',
    stride: ['T', 'S'],
    rating: [2, 4],
    component: 'message-queue',
    when: any(words(...QUEUE), component('Messaging', 'Events', 'Queue')),
    refs: ['CAPEC-384', 'CWE-345', 'CWE-924', 'CWE-294', A08],
    detect: [['Message integrity failures', 'Log messages rejected for signature, schema or unknown producer, and duplicates dropped by id; alert on any signature failure.']],
  },
  {
    id: 'WEB-T-11',
    title: 'Compromised third-party script or dependency skims data from our pages',
    description:
      'An analytics tag, chat widget, CDN-hosted library or npm package is compromised (supply chain) and injects code that copies card numbers, passwords or session tokens from our pages, as in Magecart attacks on checkout pages.',
    stride: ['T', 'I'],
    rating: [3, 5],
    top: true,
    component: 'web-ui',
    when: any(words('script', 'widget', 'analytics', 'tracking', 'tag manager', 'pixel', 'cdn', 'third party', 'sdk', 'plugin', 'library', 'checkout', 'payment page'), label('frontend')),
    refs: ['CAPEC-538', 'CWE-829', 'CWE-494', 'CWE-1395', A08, A06, note('PCI DSS v4.0 requirements 6.4.3 and 11.6.1: payment page scripts inventoried, authorised and monitored for change.')],
    detect: [['Page scripts changed', 'Monitor the scripts and their hashes loaded on checkout and sign-in pages (CSP reports, synthetic checks); alert on any new or changed script.']],
  },
  {
    id: 'WEB-T-12',
    title: 'Payout destination or bank details changed by an attacker',
    description:
      'After taking over a seller, merchant or employee account, the attacker changes the IBAN, payout account or billing details so that the next payouts, refunds or salaries go to them.',
    stride: ['T', 'S'],
    rating: [3, 5],
    component: 'api',
    when: words('payout', 'bank account', 'bank details', 'iban', 'withdraw', 'withdrawal', 'salary', 'payment details'),
    refs: ['CAPEC-212', 'CWE-620', 'CWE-306', A04],
    detect: [['Payout details changed', 'Log every payout-destination change with account, IP, device and MFA result; alert on a change followed by a payout request within 72 hours.']],
  },
  {
    id: 'WEB-T-13',
    title: 'Clickjacking tricks users into confirming actions',
    description:
      'Our page is loaded invisibly in a frame on another site, and the victim clicks what looks like a harmless button but is our "pay", "delete", "grant access" or "authorise app" button.',
    stride: ['T'],
    rating: [2, 3],
    component: 'web-ui',
    when: words('confirm', 'button', 'one click', 'approve', 'authorize', 'authorise', 'consent', 'embed', 'iframe', 'frame', 'delete'),
    refs: ['CAPEC-103', 'CWE-1021', A04],
    detect: [['Framing attempts', 'Collect CSP frame-ancestors violation reports; alert when our sensitive pages are framed by an unknown origin.']],
  },
];

const repudiation: ThreatSpec[] = [
  {
    id: 'WEB-R-01',
    title: 'Security-relevant events not logged, so attacks go unnoticed and cannot be investigated',
    description:
      'Sign-ins, access denials, permission changes, payments, refunds and data exports are not logged with who, what, when and where, logs are not kept centrally, or nobody alerts on them; attacks continue for months and nobody can say what was taken.',
    stride: ['R'],
    rating: [4, 3],
    top: true,
    component: 'api',
    when: words(...SIGN_IN, ...ADMIN, 'payment', 'refund', 'delete', 'export', 'audit', 'log', 'logging', 'monitoring', 'alert'),
    refs: ['CWE-778', 'CWE-223', A09],
    detect: [['Logging stopped', 'Alert when a service sends no security events for 15 minutes during business hours or when the log pipeline drops events.']],
  },
  {
    id: 'WEB-R-02',
    title: 'A customer denies placing an order or payment and we cannot prove it',
    description:
      'Without a record tying the order or payment to the authenticated user, the time, the device, the accepted terms and the payment provider\'s authentication result (3-D Secure), chargebacks and disputes are lost.',
    stride: ['R'],
    rating: [3, 3],
    component: 'api',
    when: words('place order', 'place an order', 'purchase', 'buy', 'pay', 'payment', 'checkout', 'subscription', 'subscribe', 'cancel', 'contract', 'signature', 'booking', 'transfer'),
    refs: ['CWE-778', A09],
    detect: [['Chargebacks and disputes', 'Track chargebacks per merchant and per customer; alert when the rate exceeds 0.5% of transactions in a week.']],
  },
  {
    id: 'WEB-R-03',
    title: 'Log entries forged or corrupted through user input',
    description:
      'User-controlled text written to logs with line breaks or control characters forges fake entries ("login succeeded for admin"), breaks parsers so real events are lost, or injects markup into log viewers.',
    stride: ['R', 'T'],
    rating: [2, 2],
    component: 'api',
    when: words('log', 'logging', 'audit', 'activity', 'history', 'username', 'user agent', 'comment', 'message'),
    refs: ['CAPEC-93', 'CWE-117', A09],
    detect: [['Log parse failures', 'Alert when the log pipeline rejects or cannot parse more than a handful of records an hour from one service.']],
  },
  {
    id: 'WEB-R-04',
    title: 'Audit trail deleted or rewritten to hide what happened',
    description:
      'The account that changes business data can also change its history (same database user, same bucket permissions), so an insider or an attacker holding it erases the traces of a fraudulent change.',
    stride: ['R'],
    rating: [2, 4],
    component: 'data-store',
    when: words('audit', 'audit trail', 'history', 'change log', 'changelog', 'activity log', 'compliance', 'retention'),
    refs: ['CAPEC-268', 'CWE-778', A09],
    detect: [['Audit store modified', 'Alert on any delete, update or retention change on the audit store and on gaps in its sequence numbers or hash chain.']],
  },
  {
    id: 'WEB-R-05',
    title: 'Administrator or support actions cannot be attributed to a person',
    description:
      'Shared admin accounts, a support "log in as user" that records only the customer, or back-office changes made straight in the database leave no trace of which employee did what.',
    stride: ['R'],
    rating: [3, 3],
    component: 'identity',
    when: words(...ADMIN, 'support', 'help desk', 'helpdesk', 'customer service', 'impersonate', 'act as', 'on behalf'),
    refs: ['CAPEC-122', 'CWE-778', A09],
    detect: [['Admin actions without a named actor', 'Alert on admin actions recorded without a personal account id and on use of shared accounts.']],
  },
  {
    id: 'WEB-R-06',
    title: 'Changes made through integrations cannot be traced to a client',
    description:
      'Imports, syncs and partner API calls all run as one technical user without a client id or correlation id, so a wrong or malicious bulk change cannot be traced to the integration, key or partner that made it.',
    stride: ['R'],
    rating: [2, 3],
    component: 'external-service',
    when: words(...INTEGRATION, 'import', 'bulk', 'batch'),
    refs: ['CWE-778', 'CWE-345', A09, API10],
    detect: [['Unattributed bulk changes', 'Log client id, key id and correlation id for every integration call; alert on more than 1,000 changes an hour from one key.']],
  },
  {
    id: 'WEB-R-07',
    title: 'Consent and privacy requests not evidenced',
    description:
      'We cannot show when and how a person consented to marketing or tracking, which text they saw, or that an erasure or access request was honoured on time: a regulatory finding under GDPR and a dispute we cannot win.',
    stride: ['R'],
    rating: [3, 3],
    component: 'data-store',
    when: any(words('consent', 'opt in', 'opt-in', 'opt out', 'opt-out', 'unsubscribe', 'marketing', 'newsletter', 'cookie banner', 'privacy', 'gdpr', 'delete account', 'right to be forgotten', 'data request'), label('privacy', 'gdpr')),
    refs: ['CWE-778', note('GDPR Art. 7(1): the controller shall be able to demonstrate consent.')],
    detect: [['Overdue privacy requests', 'Alert when an access or erasure request is open for more than 25 days.']],
  },
];

const disclosure: ThreatSpec[] = [
  {
    id: 'WEB-I-01',
    title: 'Card data disclosed in transit or at rest',
    description:
      'Card numbers, expiry dates or security codes travel over unencrypted or downgraded connections, are stored (even briefly) in our databases, logs, caches, analytics or backups, or reach our servers at all when a provider\'s hosted payment fields would keep them away. A breach means fraud on customers\' cards, fines and loss of the ability to take cards.',
    stride: ['I'],
    rating: [3, 5],
    top: true,
    component: 'data-store',
    when: any(words(...CARD), label('payment', 'payments', 'pci', 'checkout'), component('Payment', 'Payments', 'Checkout', 'Billing')),
    refs: ['CAPEC-94', 'CAPEC-157', 'CWE-319', 'CWE-311', 'CWE-312', 'CWE-532', A02, note('PCI DSS v4.0 requirements 3 (protect stored account data) and 4 (strong cryptography in transit).')],
    detect: [
      ['Card numbers outside the payment provider', 'Scan logs, databases and support tickets for digit runs that pass the Luhn check; alert on any hit outside the tokenisation service.'],
      ['Weak TLS on payment endpoints', 'Alert when a payment endpoint negotiates TLS below 1.2 or serves without HSTS (external scan, daily).'],
    ],
  },
  {
    id: 'WEB-I-02',
    title: 'Other users\' records reached by changing an id (broken object level authorization)',
    description:
      'Endpoints load an order, invoice, document or account by the id in the URL or body and return it to any signed-in user; incrementing or guessing ids exposes every customer\'s data. Unguessable ids make it harder, not safe.',
    stride: ['I', 'E'],
    rating: [4, 4],
    top: true,
    component: 'api',
    when: words('order', 'invoice', 'receipt', 'statement', 'document', 'download', 'history', 'booking', 'account', 'profile', 'share'),
    refs: ['CAPEC-1', 'CWE-639', 'CWE-862', API1, A01],
    detect: [['Access denied on other users\' objects', 'Log object-level authorization refusals with caller and object owner; alert when one caller is refused on more than 20 distinct objects in 10 minutes.']],
  },
  {
    id: 'WEB-I-03',
    title: 'Personal data exposed through responses that return more than the screen shows',
    description:
      'APIs serialise whole records (email, phone, address, date of birth, internal flags, password hashes) and leave it to the client to display a few fields; anyone reading the raw response, or listing users through search, gets the rest.',
    stride: ['I'],
    rating: [3, 4],
    top: true,
    component: 'api',
    when: any(words(...PERSONAL, 'user list', 'list of users', 'list of customers', 'members', 'contacts', 'directory', 'search users'), label('privacy', 'gdpr')),
    refs: ['CAPEC-37', 'CWE-213', 'CWE-359', API3, A01],
    detect: [['Bulk personal-data reads', 'Count personal records returned per caller per hour; alert when one caller exceeds 10x their usual volume or reads more than 1,000 distinct people.']],
  },
  {
    id: 'WEB-I-04',
    title: 'Secrets and personal data leaked through logs, URLs or error messages',
    description:
      'Passwords, tokens, card numbers or personal data end up in application logs, in query strings (kept by proxies, browser history and Referer headers), or in stack traces and database errors shown to users.',
    stride: ['I'],
    rating: [3, 4],
    component: 'api',
    when: words('error', 'error message', 'exception', 'log', 'logging', 'debug', 'stack trace', 'url', 'query string', 'link', 'token', 'password', 'card'),
    refs: ['CWE-532', 'CWE-209', 'CWE-598', A09, A05],
    detect: [['Sensitive patterns in logs', 'Run a scanner over logs for tokens, Luhn-valid numbers, "password=" and email addresses in URLs; alert on any hit.']],
  },
  {
    id: 'WEB-I-05',
    title: 'Passwords stored so that a database leak reveals them',
    description:
      'Passwords are stored in clear text, encrypted reversibly, or hashed with a fast or unsalted hash (MD5, SHA-1, SHA-256), so that a stolen database or backup is cracked in hours and the passwords reused elsewhere.',
    stride: ['I'],
    rating: [2, 5],
    top: true,
    component: 'data-store',
    when: all(words('password', 'register', 'registration', 'sign up', 'signup', 'create account', 'credentials', 'change password'), not(words('passwordless'))),
    refs: ['CAPEC-55', 'CWE-916', 'CWE-256', 'CWE-759', A02],
    detect: [['Password table read in bulk', 'Alert on any query reading password hashes for more than one account at a time and on database exports containing the credentials table.']],
  },
  {
    id: 'WEB-I-06',
    title: 'Server-side request forgery reaches internal systems through a URL we fetch',
    description:
      'A feature fetches a user-supplied URL (webhook target, image or avatar URL, link preview, import from URL, PDF rendering of HTML) and can be pointed at internal services or the cloud metadata endpoint, leaking credentials or reaching admin APIs.',
    stride: ['I', 'E'],
    rating: [3, 5],
    top: true,
    component: 'api',
    when: words('url', 'webhook', 'callback url', 'link preview', 'preview', 'fetch', 'import from', 'image url', 'avatar url', 'feed', 'rss', 'crawl', 'html to pdf'),
    refs: ['CAPEC-664', 'CWE-918', A10, API7],
    detect: [['Fetches to private addresses', 'Log every outbound fetch with the resolved IP; alert on any attempt to a private, loopback, link-local or metadata address.']],
  },
  {
    id: 'WEB-I-07',
    title: 'Exports and reports leak data beyond their audience',
    description:
      'Exports include rows or columns the requester may not see, stay downloadable from guessable or permanent links, are mailed as attachments, or embed formulas that run when opened in a spreadsheet (CSV injection).',
    stride: ['I'],
    rating: [3, 4],
    component: 'api',
    when: words(...EXPORT),
    refs: ['CWE-200', 'CWE-1236', 'CWE-359', A01],
    detect: [['Large or frequent exports', 'Log each export with requester, scope and row count; alert on exports above 10,000 rows or more than 5 exports per user per hour.']],
  },
  {
    id: 'WEB-I-08',
    title: 'Account existence revealed by sign-in, sign-up or reset answers',
    description:
      'Different messages, status codes or response times for known and unknown emails let attackers build a list of customers for targeted phishing and credential stuffing.',
    stride: ['I'],
    rating: [4, 2],
    component: 'identity',
    when: any(words('sign up', 'signup', 'register', 'registration', 'forgot password', 'reset password', 'username', 'invite', ...SIGN_IN), linked('WEB-S-01')),
    refs: ['CAPEC-575', 'CWE-204', 'CWE-203', A07],
    detect: [['Enumeration pattern', 'Alert when one source checks more than 50 distinct unknown accounts in sign-in, sign-up or reset within 10 minutes.']],
  },
  {
    id: 'WEB-I-09',
    title: 'XML external entities read server files or reach internal hosts',
    description:
      'An XML parser with external entities or DTDs enabled processes uploaded or posted XML (SOAP, SAML, SVG, office documents, feeds), so the document reads local files, calls internal URLs or expands until memory runs out.',
    stride: ['I', 'D'],
    rating: [2, 4],
    component: 'api',
    when: words('xml', 'soap', 'saml', 'svg', 'docx', 'xlsx', 'office document', 'feed', 'rss', 'sitemap'),
    refs: ['CAPEC-221', 'CWE-611', 'CWE-776', A05],
    detect: [['DOCTYPE in input', 'Log and alert on any inbound XML that contains a DOCTYPE or ENTITY declaration.']],
  },
  {
    id: 'WEB-I-10',
    title: 'Personal pages cached by the browser, a proxy or the CDN and shown to others',
    description:
      'Responses with account data are cacheable: the next user of a shared computer sees them with the back button, or a CDN rule caches "/account/statement.css"-style paths (web cache deception) and serves one user\'s page to everyone.',
    stride: ['I'],
    rating: [2, 4],
    component: 'web-ui',
    when: words('cache', 'caching', 'cdn', 'statement', 'invoice', 'dashboard', 'my account', 'account page', 'shared computer', 'kiosk'),
    refs: ['CAPEC-204', 'CWE-524', 'CWE-525', A05],
    detect: [['Cache hits on personalised paths', 'Alert when the CDN reports cache hits on authenticated routes or responses carrying Set-Cookie.']],
  },
  {
    id: 'WEB-I-11',
    title: 'Stored files or backups publicly readable',
    description:
      'Object storage buckets, blob containers, backups or shared links are public or listable, links never expire, or file URLs are guessable, so uploaded documents, invoices and database dumps can be downloaded by anyone.',
    stride: ['I'],
    rating: [3, 5],
    top: true,
    component: 'data-store',
    when: words('bucket', 's3', 'blob', 'storage', 'backup', 'share link', 'shareable link', 'public link', ...UPLOAD),
    refs: ['CAPEC-150', 'CWE-552', 'CWE-732', A05, API8],
    detect: [['Public storage configuration', 'Run a daily configuration scan; alert on any bucket or container with public read or list, and on anonymous reads in storage access logs.']],
  },
  {
    id: 'WEB-I-12',
    title: 'API keys and secrets exposed in client code, repositories or images',
    description:
      'Keys for payment, email, maps or cloud providers are shipped in the JavaScript bundle or mobile app, committed to the repository, or baked into container images, where anyone can extract and abuse them.',
    stride: ['I'],
    rating: [3, 4],
    component: 'external-service',
    when: words('api key', 'secret', 'client secret', 'private key', 'credentials', 'integration', 'third party', 'sdk', 'provider'),
    refs: ['CAPEC-37', 'CWE-798', 'CWE-540', 'CWE-312', A05],
    detect: [['Secret found in code or bundle', 'Run secret scanning on every push and on built bundles; alert on any finding and on provider notices of leaked keys.']],
  },
  {
    id: 'WEB-I-13',
    title: 'Personal data sent to third parties beyond what users agreed to',
    description:
      'Analytics, advertising pixels, chat widgets, error trackers or AI services receive emails, names, URLs with ids or free text that contains personal data, without a processing agreement or the user\'s consent.',
    stride: ['I'],
    rating: [3, 3],
    component: 'external-service',
    when: words('analytics', 'tracking', 'pixel', 'advertising', 'marketing', 'third party', 'share with', 'partner', 'chatbot', 'ai', 'llm', 'error tracking', 'crm'),
    refs: ['CWE-359', 'CWE-201', note('GDPR Art. 28: processors only under a contract; Art. 6: a lawful basis for each purpose.')],
    detect: [['New data flows to third parties', 'Monitor the request destinations of the web app (CSP connect-src reports) and server egress; alert on a new third-party host.']],
  },
  {
    id: 'WEB-I-14',
    title: 'Data intercepted on connections between services or to partners',
    description:
      'Internal calls, partner integrations or mobile apps use plain HTTP, accept any certificate, or allow old protocol versions, so someone on the network path reads or changes tokens and personal data.',
    stride: ['I', 'T'],
    rating: [2, 4],
    component: 'external-service',
    when: words('http', 'connection', 'integration', 'partner', 'mobile app', 'internal service', 'microservice', 'sync', 'sftp', 'ftp', 'certificate', 'tls', 'ssl'),
    refs: ['CAPEC-94', 'CWE-319', 'CWE-295', A02],
    detect: [['Weak or plain connections', 'Log negotiated TLS versions and certificate validation errors; alert on any plain-HTTP call carrying an Authorization header and on validation errors.']],
  },
];

const denialOfService: ThreatSpec[] = [
  {
    id: 'WEB-D-01',
    title: 'Unbounded requests exhaust the service (no rate limits, page sizes or timeouts)',
    description:
      'Endpoints accept any page size, unbounded search or export, expensive GraphQL queries or batches, and no per-client rate limit; one client, bot or bug takes the service or its database down for everyone, or runs up the cloud bill.',
    stride: ['D'],
    rating: [4, 3],
    top: true,
    component: 'api',
    when: any(words('search', 'list', 'export', 'report', 'bulk', 'batch', 'import', 'graphql', 'public api', 'rest api', 'pagination', 'filter'), label('api')),
    refs: ['CAPEC-125', 'CAPEC-130', 'CWE-770', 'CWE-400', API4],
    detect: [['Rate limit and latency', 'Log rate-limited requests per client; alert when p95 latency of an endpoint doubles or a single client exceeds 20% of traffic.']],
  },
  {
    id: 'WEB-D-02',
    title: 'Bots automate a sensitive business flow (card testing, scalping, fake sign-ups)',
    description:
      'Automated clients use a legitimate flow at a scale it was not meant for: testing stolen cards with small payments, buying up limited stock or tickets, creating fake accounts for promotions, or booking everything and cancelling. Each request is valid; the volume is the attack.',
    stride: ['D', 'S'],
    rating: [4, 4],
    top: true,
    component: 'api',
    when: words('checkout', 'buy', 'purchase', 'place order', 'place an order', 'pay', 'payment', 'card', 'sign up', 'signup', 'register', 'registration', 'coupon', 'voucher', 'promotion', 'referral', 'ticket', 'booking', 'reservation', 'limited'),
    refs: ['CAPEC-212', 'CWE-799', 'CWE-837', API6],
    detect: [['Velocity on business flows', 'Count payments, sign-ups and orders per card BIN, device, IP range and account; alert on more than 10 declined payments per device per hour or sign-up bursts.']],
  },
  {
    id: 'WEB-D-03',
    title: 'Account lockout used to lock real users out',
    description:
      'Locking an account after a few failed sign-ins lets anyone who knows or guesses usernames lock out customers or administrators at will, for example during a sale or an incident.',
    stride: ['D'],
    rating: [3, 3],
    component: 'identity',
    when: any(words('lockout', 'lock out', 'locked', 'failed attempts', 'failed login', 'too many attempts'), linked('WEB-S-01')),
    refs: ['CAPEC-2', 'CWE-645', A07],
    detect: [['Lockouts spike', 'Alert when account lockouts or throttled accounts exceed 5x baseline, or when an administrator account is throttled.']],
  },
  {
    id: 'WEB-D-04',
    title: 'Crafted input makes parsing or matching take exponential time or memory',
    description:
      'A regular expression with nested quantifiers (ReDoS), deeply nested JSON, an XML entity bomb or a highly compressed archive makes one request consume a CPU core or all memory.',
    stride: ['D'],
    rating: [2, 4],
    component: 'api',
    when: words('validate', 'validation', 'regex', 'regular expression', 'pattern', 'parse', 'parser', 'json', 'xml', 'zip', 'archive', 'compressed', 'import'),
    refs: ['CAPEC-492', 'CAPEC-197', 'CWE-1333', 'CWE-776', 'CWE-409'],
    detect: [['Slow single requests', 'Log requests that exceed the CPU time or memory budget with their route; alert on more than 3 per minute on one route.']],
  },
  {
    id: 'WEB-D-05',
    title: 'Large or many uploads exhaust storage, memory or processing',
    description:
      'Uploads without size, count or per-account quotas, buffered in memory or processed synchronously (image resizing, virus scanning, video transcoding), fill disks and stall workers.',
    stride: ['D'],
    rating: [3, 3],
    component: 'api',
    when: words(...UPLOAD, 'video', 'media', 'bulk upload'),
    refs: ['CAPEC-130', 'CWE-400', 'CWE-770', API4],
    detect: [['Storage growth', 'Alert when storage used grows by more than 10% in an hour or one account uploads more than its daily quota.']],
  },
  {
    id: 'WEB-D-06',
    title: 'A slow or failing external provider takes our service down with it',
    description:
      'Calls to the payment, email, SMS, shipping or identity provider have no timeout, unbounded retries and no circuit breaker, so a provider incident holds every worker and the whole site stops, not only that feature.',
    stride: ['D'],
    rating: [3, 3],
    component: 'external-service',
    when: words('provider', 'payment provider', 'payment gateway', 'gateway', 'third party', 'partner', 'integration', 'external', 'pay', 'payment', 'shipping', 'sms', 'send email'),
    refs: ['CWE-1088', 'CWE-400', API10],
    detect: [['Provider latency and errors', 'Measure latency and error rate per provider; alert when p95 exceeds the timeout budget or a circuit breaker opens.']],
  },
  {
    id: 'WEB-D-07',
    title: 'Queue flooded or blocked by poison messages',
    description:
      'A producer floods a queue, or a malformed message fails and is retried forever at the head of the queue, so notifications, orders or webhooks behind it are delayed for hours.',
    stride: ['D'],
    rating: [3, 3],
    component: 'message-queue',
    when: any(words(...QUEUE, 'notification', 'retry'), component('Messaging', 'Events', 'Queue')),
    refs: ['CWE-400', 'CWE-770', 'CWE-754'],
    detect: [['Queue depth and age', 'Alert when the oldest message is older than 5 minutes, depth grows for 10 minutes, or the dead-letter queue receives messages.']],
  },
  {
    id: 'WEB-D-08',
    title: 'SMS and email sending abused to run up costs or spam people (SMS pumping)',
    description:
      'Verification codes, invitations or "share by email" can be sent to any number or address without limits; fraudsters trigger thousands of messages to premium-rate numbers they profit from, or use us to spam, ruining our sender reputation.',
    stride: ['D'],
    rating: [3, 3],
    component: 'external-service',
    when: words('sms', 'text message', 'verification code', 'otp', 'invite', 'invitation', 'share by email', 'send email', 'notification', 'newsletter'),
    refs: ['CWE-799', 'CWE-770', API6],
    detect: [['Messaging volume per destination', 'Count messages per destination country, number prefix and account; alert on spend above the daily budget or unusual countries.']],
  },
];

const elevation: ThreatSpec[] = [
  {
    id: 'WEB-E-01',
    title: 'Ordinary users call administrative functions (broken function level authorization)',
    description:
      'Admin, moderation or back-office endpoints check only that the caller is signed in, or rely on the UI hiding the button; any user who finds the route (in the JavaScript bundle or by guessing) can approve, delete, refund or configure.',
    stride: ['E'],
    rating: [4, 5],
    top: true,
    component: 'api',
    when: any(words(...ADMIN, 'configure', 'configuration', 'refund'), label('admin', 'backoffice')),
    refs: ['CAPEC-1', 'CWE-285', 'CWE-862', 'CWE-863', API5, A01],
    detect: [['Forbidden calls to privileged routes', 'Log every 403 on admin routes with caller and role; alert on the first one from a non-staff account.']],
  },
  {
    id: 'WEB-E-02',
    title: 'Users grant themselves a higher role or join a group they should not',
    description:
      'Invitation, team-management or profile endpoints let a member assign roles up to and beyond their own, accept an invitation meant for someone else, or change the role in a request field.',
    stride: ['E'],
    rating: [3, 5],
    top: true,
    component: 'identity',
    when: words('role', 'roles', 'permission', 'group', 'team', 'invite', 'invitation', 'member', 'owner', 'grant', 'access rights', 'user management'),
    refs: ['CAPEC-233', 'CWE-269', 'CWE-266', A01, API5],
    detect: [['Role changes', 'Log every role or group change with actor and target; alert on self-granted changes and on any grant of an administrator role.']],
  },
  {
    id: 'WEB-E-03',
    title: 'One customer reaches another tenant\'s data',
    description:
      'In a multi-tenant product a query, cache key, search index or file path is not scoped to the tenant of the signed-in user, so one organisation\'s users see or change another organisation\'s records.',
    stride: ['E', 'I'],
    rating: [3, 5],
    top: true,
    component: 'data-store',
    when: any(words('tenant', 'multi tenant', 'multi-tenant', 'organisation', 'organization', 'workspace', 'company', 'customer account', 'client account'), label('multi-tenant', 'saas')),
    refs: ['CWE-639', 'CWE-668', 'CWE-1220', A01, API1],
    detect: [['Cross-tenant access', 'Log the tenant of the caller and of each object returned; alert on any mismatch.']],
  },
  {
    id: 'WEB-E-04',
    title: 'A known vulnerability in a library, framework or platform is exploited',
    description:
      'An outdated dependency, base image or server component has a published exploit (deserialisation, template or parser bug) that gives code execution or bypasses authentication; without an inventory and patching deadline it stays for months.',
    stride: ['E'],
    rating: [3, 5],
    top: true,
    component: 'api',
    when: any(words('library', 'dependency', 'dependencies', 'framework', 'package', 'npm', 'plugin', 'sdk', 'open source', 'base image'), all(issueType('Task', 'Sub-task', 'Spike'), words('upgrade', 'bump', 'migrate'))),
    refs: ['CAPEC-538', 'CWE-1395', 'CWE-1104', A06],
    detect: [['Vulnerable component deployed', 'Run software composition analysis on every build and on the running inventory; alert on any critical CVE older than 7 days or with a known exploit.']],
  },
  {
    id: 'WEB-E-05',
    title: 'Path traversal reads or writes files outside the intended folder',
    description:
      'A file name, path or template name from the request ("../../etc/passwd", absolute paths, encoded dots) is joined to a base folder, so downloads return configuration and keys, and uploads overwrite application files.',
    stride: ['E', 'I'],
    rating: [3, 5],
    component: 'api',
    when: words('file', 'filename', 'file name', 'path', 'folder', 'directory', 'download', 'upload', 'attachment', 'document', 'template', 'image'),
    refs: ['CAPEC-126', 'CWE-22', A01],
    detect: [['Traversal sequences', 'Log requests whose file parameters contain "..", encoded dots, backslashes or absolute paths; alert on any one that reaches the file layer.']],
  },
  {
    id: 'WEB-E-06',
    title: 'Steps of a workflow skipped or reordered (approval, verification, payment)',
    description:
      'The server trusts the client to follow the steps: it ships an order whose payment step was skipped, activates an unverified account, or executes a refund that was never approved, because each step does not check the state the previous one left.',
    stride: ['E', 'T'],
    rating: [3, 4],
    component: 'api',
    when: any(words('approve', 'approval', 'workflow', 'wizard', 'step', 'verify', 'verification', 'confirm', 'onboarding', 'kyc', 'refund', 'checkout'), linked('WEB-T-04')),
    refs: ['CAPEC-140', 'CWE-841', A04, API6],
    detect: [['Out-of-order transitions', 'Log rejected state transitions with the state they came from; alert on shipped orders without captured payment and on refunds without an approver.']],
  },
  {
    id: 'WEB-E-07',
    title: 'Support impersonation ("log in as customer") abused',
    description:
      'Support staff or a compromised support account use impersonation to act as any customer, including changing credentials, payouts or viewing card and identity documents, without consent, time limit or audit.',
    stride: ['E', 'R'],
    rating: [2, 5],
    component: 'identity',
    when: words('impersonate', 'impersonation', 'act as', 'login as', 'log in as', 'on behalf', 'support', 'help desk', 'helpdesk', 'customer service'),
    refs: ['CAPEC-122', 'CWE-269', 'CWE-285', A01],
    detect: [['Impersonation sessions', 'Log start, end, reason and actions of every impersonation; alert on sessions longer than 30 minutes or sensitive actions taken while impersonating.']],
  },
  {
    id: 'WEB-E-08',
    title: 'Too permissive cross-origin rules let other sites act with the user\'s rights',
    description:
      'CORS reflects any Origin with credentials allowed, trusts every subdomain, or postMessage handlers accept messages from any window, so a malicious site reads API responses or triggers actions in the user\'s session.',
    stride: ['E', 'I'],
    rating: [2, 4],
    component: 'web-ui',
    when: words('cors', 'cross origin', 'cross-origin', 'embed', 'embedded', 'iframe', 'widget', 'postmessage', 'subdomain', 'single page app', 'spa'),
    refs: ['CWE-942', 'CWE-346', A05, API8],
    detect: [['Foreign origins on credentialed requests', 'Log Origin headers of credentialed API requests; alert on origins outside the allow-list.']],
  },
  {
    id: 'WEB-E-09',
    title: 'Sensitive actions allowed without re-authentication',
    description:
      'Deleting the account, changing email, password or phone, adding a payout account or an API key needs only an existing session; whoever holds a stolen session or an unlocked device makes changes the owner cannot undo.',
    stride: ['E', 'S'],
    rating: [3, 4],
    component: 'identity',
    when: words('delete account', 'close account', 'remove account', 'deactivate', 'change email', 'change password', 'change phone', 'payout', 'bank account', 'api key', 'personal access token', 'security settings'),
    refs: ['CWE-306', 'CWE-620', A07],
    detect: [['Sensitive changes on old sessions', 'Log sensitive changes with session age and step-up result; alert on changes made from a session older than 12 hours or from a new device.']],
  },
  {
    id: 'WEB-E-10',
    title: 'Prompt injection makes an AI feature act beyond the user\'s intent or rights',
    description:
      'Text the model reads (a document, email, web page, product review) carries instructions that make an assistant reveal other data in its context, call tools with the service\'s rights, or send data to an attacker-controlled URL.',
    stride: ['E', 'I'],
    rating: [3, 4],
    component: 'external-service',
    when: words('ai', 'llm', 'gpt', 'chatbot', 'assistant', 'copilot', 'generative', 'summarise', 'summarize', 'prompt'),
    refs: ['CWE-1427', 'LLM01:2025 Prompt Injection'],
    detect: [['Assistant tool calls refused', 'Log each tool call of the assistant with the user, arguments and authorization result; alert on refused calls and on outbound URLs the user did not provide.']],
  },
];

interface MitigationSpec {
  id: string;
  title: string;
  implementation: string;
  verification: string;
  controlType?: 'preventive' | 'detective' | 'corrective';
  top?: boolean;
  addresses: Record<string, Strength>;
  refs?: Array<string | Reference>;
}

const mitigation = (m: MitigationSpec): MitigationInput => ({
  id: m.id,
  title: m.title,
  implementation: m.implementation,
  verification: m.verification,
  controlType: m.controlType ?? 'preventive',
  top: m.top ?? false,
  addresses: Object.entries(m.addresses).map(([threatId, strength]) => ({ threatId, strength })),
  references: refs(...(m.refs ?? [])),
});

const mitigations: MitigationSpec[] = [
  {
    id: 'WEB-M-01',
    title: 'Throttle sign-in attempts and refuse breached passwords',
    implementation:
      'Rate-limit failed sign-ins per account and per source (progressive delay, then CAPTCHA), check new passwords against a breached-password list (k-anonymity API), require at least 8 characters with no composition rules.',
    verification: 'Automated test: the 6th failed sign-in within a minute is delayed or challenged; setting "Password123" is refused. Credential-stuffing run in staging is throttled.',
    top: true,
    addresses: { 'WEB-S-01': 75, 'WEB-D-03': 25 },
    refs: ['CWE-307', 'CWE-521'],
  },
  {
    id: 'WEB-M-02',
    title: 'Offer multi-factor authentication and require it for administrators',
    implementation:
      'Support TOTP authenticator apps and passkeys (WebAuthn); require a phishing-resistant factor for staff and admin roles; ask for the second factor on new devices and for sensitive actions.',
    verification: 'Sign-in test: an admin account without MFA cannot reach admin pages; a correct password alone does not sign in an MFA-enabled user.',
    top: true,
    addresses: { 'WEB-S-01': 75, 'WEB-S-04': 50, 'WEB-S-09': 50, 'WEB-S-02': 25 },
    refs: ['CWE-308', A07],
  },
  {
    id: 'WEB-M-03',
    title: 'Harden session handling',
    implementation:
      'Issue a new session id at sign-in and privilege change; cookies Secure, HttpOnly, SameSite=Lax (Strict for admin); idle timeout 30 minutes and absolute lifetime; revoke all sessions server-side at sign-out and password change; rotate refresh tokens on use.',
    verification: 'Test that the session id changes at sign-in, that a signed-out session is refused, and that cookie flags are set (automated header check).',
    top: true,
    addresses: { 'WEB-S-02': 75, 'WEB-T-03': 25 },
    refs: ['CWE-384', 'CWE-613', 'CWE-614', 'CWE-1004'],
  },
  {
    id: 'WEB-M-04',
    title: 'Validate every access token fully with a vetted library',
    implementation:
      'Verify the signature with the expected algorithm pinned (never from the token header), issuer, audience, expiry and not-before; keep access tokens short-lived (minutes); keys from the issuer\'s JWKS with rotation; API keys hashed at rest, scoped and revocable.',
    verification: 'Negative tests: tokens with alg "none", another audience, an expired exp, or a wrong signature are refused with 401.',
    top: true,
    addresses: { 'WEB-S-03': 75 },
    refs: ['CWE-347', API2],
  },
  {
    id: 'WEB-M-05',
    title: 'Make password reset single-use, short-lived and notified',
    implementation:
      'Reset tokens of 128 random bits, stored hashed, valid 30 minutes and once; reset links built from a configured base URL, never the Host header; sessions revoked after reset; the account\'s email notified of resets and email changes, and email change confirmed at the old address.',
    verification: 'Tests: a used or 31-minute-old token is refused; changing the Host header does not change the link; the old address receives a notification.',
    addresses: { 'WEB-S-04': 75, 'WEB-I-08': 25 },
    refs: ['CWE-640', 'CWE-620'],
  },
  {
    id: 'WEB-M-06',
    title: 'Verify webhook signatures and confirm events with the provider',
    implementation:
      'Check the provider\'s HMAC or asymmetric signature over the raw body with a constant-time comparison, reject timestamps older than 5 minutes and event ids already processed, and for payments fetch the payment\'s status from the provider API before acting.',
    verification: 'Tests: an unsigned, re-signed or replayed webhook is refused and changes nothing; a valid event is processed once.',
    top: true,
    addresses: { 'WEB-S-05': 75, 'WEB-R-06': 25 },
    refs: ['CWE-345', 'CWE-347'],
  },
  {
    id: 'WEB-M-07',
    title: 'Authenticate our email and allow-list redirect targets',
    implementation:
      'Publish SPF, DKIM and DMARC with p=reject for sending domains; redirects only to relative paths or an allow-list of hosts; emails never ask for passwords or card data and link only to our domain.',
    verification: 'DMARC report shows alignment; a test with next=https://evil.example stays on our site.',
    addresses: { 'WEB-S-06': 75 },
    refs: ['CWE-601'],
  },
  {
    id: 'WEB-M-08',
    title: 'Harden the second factor against bypass',
    implementation:
      'Limit code attempts per challenge (5) and per account, bind the challenge to the sign-in session, use number matching for push, prefer passkeys over SMS, and require MFA on every path that issues a session (API, mobile, recovery).',
    verification: 'Tests: the 6th wrong code ends the challenge; a code from another session is refused; API sign-in without the second factor fails.',
    addresses: { 'WEB-S-07': 75 },
    refs: ['CWE-307', 'CWE-308'],
  },
  {
    id: 'WEB-M-09',
    title: 'Implement SSO with state, PKCE and exact redirect matching',
    implementation:
      'Use the authorization code flow with PKCE and a per-request state and nonce; exact redirect_uri matching; validate ID token or SAML assertion signature, audience and time; link to an existing local account only after the user signs in to it.',
    verification: 'Tests: a callback with missing or wrong state is refused; an unsigned SAML assertion is refused; an IdP account with the same email does not take over a local account.',
    addresses: { 'WEB-S-08': 75 },
    refs: ['CWE-287', 'CWE-352'],
  },
  {
    id: 'WEB-M-10',
    title: 'Keep secrets in a secret store and scan for them',
    implementation:
      'No credentials in code, images or client bundles: generate them at deploy time into a secret manager, inject at runtime, rotate on a schedule and after staff changes; secret scanning as a blocking CI check; startup refuses known default passwords.',
    verification: 'CI secret scan is green and blocking; the configuration check fails the deployment when a default credential is present.',
    top: true,
    addresses: { 'WEB-S-09': 75, 'WEB-I-12': 75 },
    refs: ['CWE-798', 'CWE-540'],
  },
  {
    id: 'WEB-M-11',
    title: 'Parameterise every query and allow-list dynamic parts',
    implementation:
      'Use prepared statements or the ORM\'s bound parameters for every value; map sort fields and filter operators from an allow-list; reject objects where a scalar is expected (NoSQL operators); least-privilege database user.',
    verification: 'Static analysis rule bans string-built queries; injection payloads in search, filter and sort return 400, not a database error.',
    top: true,
    addresses: { 'WEB-T-01': 75 },
    refs: ['CWE-89', 'CWE-943', A03],
  },
  {
    id: 'WEB-M-12',
    title: 'Encode output by context, sanitise rich text and enforce a strict Content Security Policy',
    implementation:
      'Render through the framework\'s auto-escaping (no dangerouslySetInnerHTML or v-html with user data); sanitise allowed HTML with a maintained sanitiser; nonce-based CSP without unsafe-inline; serve user files from a separate domain.',
    verification: 'Automated XSS payload tests on every field that shows user content; CSP header present and reported violations reviewed.',
    top: true,
    addresses: { 'WEB-T-02': 75, 'WEB-T-11': 25 },
    refs: ['CWE-79', A03],
  },
  {
    id: 'WEB-M-13',
    title: 'Protect state-changing requests from cross-site forgery',
    implementation:
      'SameSite=Lax or Strict session cookies, an anti-forgery token or a check that Origin matches our site on every state-changing request, and no state changes on GET.',
    verification: 'Test: a POST from another origin with the victim\'s cookie is refused; GET routes change nothing.',
    addresses: { 'WEB-T-03': 75 },
    refs: ['CWE-352', 'CWE-1275'],
  },
  {
    id: 'WEB-M-14',
    title: 'Compute prices, totals and discounts on the server',
    implementation:
      'The client sends product ids and quantities only; the server looks up prices, applies discounts, validates quantity ranges (1..max), recomputes the total and passes that amount to the payment provider; the order amount is compared with the captured amount.',
    verification: 'Tests: a request with a changed price, a negative or huge quantity or a reused coupon is refused or recomputed; captured amount equals order total.',
    top: true,
    addresses: { 'WEB-T-04': 75, 'WEB-E-06': 25 },
    refs: ['CWE-602', 'CWE-472', 'CWE-1284'],
  },
  {
    id: 'WEB-M-15',
    title: 'Handle uploads safely',
    implementation:
      'Check size and detect type from content against an allow-list; generate the stored name; store in object storage outside the web root, never executable; scan for malware; serve with Content-Disposition: attachment and nosniff from a separate domain; extract archives with path checks and size limits.',
    verification: 'Tests: an HTML, SVG with script, renamed executable or zip-slip archive is refused or neutralised; EICAR test file is caught.',
    top: true,
    addresses: { 'WEB-T-05': 75, 'WEB-D-05': 50, 'WEB-E-05': 25 },
    refs: ['CWE-434', 'CWE-22'],
  },
  {
    id: 'WEB-M-16',
    title: 'Never build commands or templates from user input',
    implementation:
      'Call libraries instead of shells; where a process is needed, pass arguments as an array without a shell; templates are fixed files, user text only as data; converters run in a sandbox without network and with a time limit.',
    verification: 'Code search finds no shell=true or string exec; payloads like "; id" and "{{7*7}}" come back unchanged.',
    addresses: { 'WEB-T-06': 75 },
    refs: ['CWE-78', 'CWE-1336'],
  },
  {
    id: 'WEB-M-17',
    title: 'Declare request and response schemas per endpoint',
    implementation:
      'Each endpoint parses its body with a strict schema listing the writable fields (others refused), and maps stored objects to a response type listing the readable fields for the caller\'s role; no generic "save whatever came" or "return the entity".',
    verification: 'Contract tests: extra properties such as role or ownerId are refused; responses contain no fields outside the schema (snapshot of the OpenAPI document).',
    top: true,
    addresses: { 'WEB-T-07': 75, 'WEB-I-03': 75 },
    refs: ['CWE-915', 'CWE-213', API3],
  },
  {
    id: 'WEB-M-18',
    title: 'Deserialise only plain data into validated types',
    implementation:
      'Use JSON (or YAML with a safe loader) parsed into schema-validated objects; no native object serialisation of untrusted input; drop "__proto__" and "constructor" keys, create maps without prototypes, and sign server data kept on the client.',
    verification: 'Tests: a payload with "__proto__" does not change other objects; a serialised gadget is refused.',
    addresses: { 'WEB-T-08': 75 },
    refs: ['CWE-502', 'CWE-1321'],
  },
  {
    id: 'WEB-M-19',
    title: 'Make money and stock changes atomic and idempotent',
    implementation:
      'Perform check and update in one transaction with a row lock or a conditional update ("where remaining > 0"), unique constraints for single-use items, and idempotency keys on payment and refund requests.',
    verification: 'Concurrency test: 50 parallel redemptions of a single-use coupon succeed exactly once; a repeated idempotency key returns the first result.',
    top: true,
    addresses: { 'WEB-T-09': 75, 'WEB-R-02': 25 },
    refs: ['CWE-362', 'CWE-367'],
  },
  {
    id: 'WEB-M-20',
    title: 'Authenticate producers and make consumers verify and deduplicate messages',
    implementation:
      'Producers and consumers use their own broker credentials over TLS with per-topic permissions; messages carry a producer signature or come through a channel only that producer can write to; consumers validate the schema and drop ids already processed.',
    verification: 'Test: a message published with another service\'s identity, changed in transit or replayed is refused or processed once.',
    addresses: { 'WEB-T-10': 75, 'WEB-R-06': 25 },
    refs: ['CWE-345', 'CWE-294'],
  },
  {
    id: 'WEB-M-21',
    title: 'Control third-party scripts on sensitive pages',
    implementation:
      'Keep an inventory of scripts on checkout and sign-in pages with a reason for each; load them with Subresource Integrity or self-host them; restrict script-src by CSP; take card data only in the payment provider\'s hosted fields; monitor pages for changed scripts.',
    verification: 'Automated check compares the scripts on checkout with the inventory; an unlisted script is blocked by CSP in a test.',
    top: true,
    addresses: { 'WEB-T-11': 75, 'WEB-I-01': 25, 'WEB-I-13': 25 },
    refs: ['CWE-829', 'CWE-494'],
  },
  {
    id: 'WEB-M-22',
    title: 'Scan dependencies and patch within a deadline',
    implementation:
      'Lock files committed; software composition analysis on every build and nightly on deployed images; critical vulnerabilities fixed within 7 days, high within 30; automated update pull requests; remove unused dependencies.',
    verification: 'The build fails on a known critical vulnerability; dashboard of open findings by age is reviewed each sprint.',
    top: true,
    addresses: { 'WEB-E-04': 75, 'WEB-T-11': 50 },
    refs: ['CWE-1395', 'CWE-1104', A06],
  },
  {
    id: 'WEB-M-23',
    title: 'Protect payout and bank detail changes',
    implementation:
      'Require re-authentication with a second factor to change payout details; notify the old contact details; hold the first payout to a new destination for a cooling-off period; verify account ownership (micro-deposit or provider check).',
    verification: 'Test: changing the IBAN without step-up fails; a payout requested within the hold period after a change is queued, not sent.',
    addresses: { 'WEB-T-12': 75, 'WEB-E-09': 25 },
  },
  {
    id: 'WEB-M-24',
    title: 'Forbid framing of our pages',
    implementation: 'Send Content-Security-Policy frame-ancestors \'none\' (or an allow-list for embeds) and X-Frame-Options DENY for older browsers; ask for confirmation with context for one-click actions.',
    verification: 'Header check in CI; a test page framing the payment page shows nothing.',
    addresses: { 'WEB-T-13': 75 },
    refs: ['CWE-1021'],
  },
  {
    id: 'WEB-M-25',
    title: 'Log security events centrally and alert on them',
    implementation:
      'Emit structured events for sign-in success and failure, MFA, access denials, role changes, payments, refunds, exports and admin actions, with actor, target, time, source IP, client id and correlation id; ship to a central store the application cannot delete from; alerts routed to an on-call person.',
    verification: 'Test that each listed action produces its event; a simulated attack (20 failed sign-ins) raises an alert within 5 minutes.',
    controlType: 'detective',
    top: true,
    addresses: { 'WEB-R-01': 75, 'WEB-R-05': 25, 'WEB-R-06': 25, 'WEB-S-01': 25 },
    refs: ['CWE-778', A09],
  },
  {
    id: 'WEB-M-26',
    title: 'Keep evidence for every transaction',
    implementation:
      'Store with each order and payment the authenticated account, time, IP, device, accepted terms version and the provider\'s authentication result (3-D Secure); send a confirmation to the customer; keep for the dispute period.',
    verification: 'Order record contains all fields; a sample dispute can be answered from the stored evidence alone.',
    addresses: { 'WEB-R-02': 75 },
  },
  {
    id: 'WEB-M-27',
    title: 'Write logs as structured data and neutralise input',
    implementation: 'Log JSON with user values as fields, never concatenated into messages; encode CR, LF and control characters; truncate long values; log viewers escape what they show.',
    verification: 'Test: a username containing a newline and a fake log line is logged as one field.',
    addresses: { 'WEB-R-03': 75 },
    refs: ['CWE-117'],
  },
  {
    id: 'WEB-M-28',
    title: 'Make the audit trail append-only and tamper-evident',
    implementation:
      'Write audit events to a store the application can append to but not change (write-once bucket, separate database user with INSERT only), chain entries by hash or sign them, and keep retention settings under separate administration.',
    verification: 'Test: the application\'s credentials cannot delete or update audit entries; the chain verifier detects an edited entry.',
    addresses: { 'WEB-R-04': 75, 'WEB-R-07': 25 },
    refs: ['CWE-778'],
  },
  {
    id: 'WEB-M-29',
    title: 'Named staff accounts and recorded, limited impersonation',
    implementation:
      'Every employee uses a personal account with MFA, no shared admin users; impersonation requires a reason, is time-limited, read-only by default, visible to the customer, and every action records both the employee and the customer.',
    verification: 'Access review shows no shared accounts; an action while impersonating appears in the audit with both identities.',
    addresses: { 'WEB-R-05': 75, 'WEB-E-07': 75 },
    refs: ['CWE-269'],
  },
  {
    id: 'WEB-M-30',
    title: 'Keep a consent and privacy-request ledger',
    implementation: 'Record each consent and withdrawal with the person, time, channel and the text version shown; track access and erasure requests with due dates and evidence of completion.',
    verification: 'For a sample person the ledger answers "what did they agree to and when"; overdue requests appear on a report.',
    addresses: { 'WEB-R-07': 75 },
  },
  {
    id: 'WEB-M-31',
    title: 'Keep card data away from our systems with hosted payment fields and tokens',
    implementation:
      'Collect card details only in the payment provider\'s hosted fields or redirect page, store only the provider\'s token and the last four digits, never the security code; mask card numbers everywhere and keep them out of logs and analytics.',
    verification: 'Data discovery scan of databases, logs and backups finds no full card numbers; the checkout page\'s network trace shows the card number sent only to the provider.',
    top: true,
    addresses: { 'WEB-I-01': 75, 'WEB-T-11': 25 },
    refs: ['CWE-312', 'CWE-532', note('Reduces PCI DSS scope to SAQ A / A-EP.')],
  },
  {
    id: 'WEB-M-32',
    title: 'Encrypt every connection with TLS 1.2+ and HSTS, and validate certificates',
    implementation:
      'Serve only HTTPS with TLS 1.2 or 1.3 and modern ciphers, HSTS with preload, HTTP redirected; internal and partner calls over TLS with certificate validation on (mutual TLS between services where possible); sensitive data at rest encrypted with keys in a KMS.',
    verification: 'External TLS scan grades A; an outbound call to a host with an invalid certificate fails in a test.',
    top: true,
    addresses: { 'WEB-I-01': 50, 'WEB-I-14': 75, 'WEB-S-02': 25 },
    refs: ['CWE-319', 'CWE-295', A02],
  },
  {
    id: 'WEB-M-33',
    title: 'Check object ownership on every request',
    implementation:
      'Load objects through a query scoped by the authenticated principal and tenant (where id = ? and owner_id = ?), or a central policy check before returning or changing any object; never rely on ids being hard to guess.',
    verification: 'For every endpoint an automated test with user B requesting user A\'s object gets 404 or 403.',
    top: true,
    addresses: { 'WEB-I-02': 75, 'WEB-E-03': 50, 'WEB-I-07': 25 },
    refs: ['CWE-639', API1],
  },
  {
    id: 'WEB-M-34',
    title: 'Generic error pages and redacted logs',
    implementation: 'Users see a generic message with a reference id; stack traces only in logs; a log redaction filter for tokens, passwords, card numbers and personal data; no secrets or personal data in URLs (use POST bodies and headers).',
    verification: 'Forced errors show no stack trace; a log scan finds no tokens or card numbers after a test run.',
    addresses: { 'WEB-I-04': 75, 'WEB-I-01': 25 },
    refs: ['CWE-209', 'CWE-532', 'CWE-598'],
  },
  {
    id: 'WEB-M-35',
    title: 'Hash passwords with a slow, salted algorithm',
    implementation: 'Argon2id (or bcrypt / scrypt) with a per-password salt and a cost tuned to about 250 ms; rehash on sign-in when parameters change; optional pepper kept in the KMS.',
    verification: 'Unit test: stored hashes start with the Argon2id identifier and differ for equal passwords.',
    top: true,
    addresses: { 'WEB-I-05': 75 },
    refs: ['CWE-916', A02],
  },
  {
    id: 'WEB-M-36',
    title: 'Fetch outside URLs only through an allow-list and an egress proxy',
    implementation:
      'Allow only http(s) to allowed hosts or public addresses; resolve the name and refuse private, loopback, link-local and metadata ranges on every redirect; fetch through an egress proxy without access to internal networks; require IMDSv2 in the cloud.',
    verification: 'Tests: URLs to 127.0.0.1, 169.254.169.254, internal names and redirects to them are refused.',
    top: true,
    addresses: { 'WEB-I-06': 75 },
    refs: ['CWE-918', A10],
  },
  {
    id: 'WEB-M-37',
    title: 'Scope, expire and neutralise exports',
    implementation:
      'Apply the same row and field authorization as the screens; download links signed and valid for hours; exports logged with row counts; cells starting with =, +, -, @ or tab prefixed with a quote.',
    verification: 'Tests: a user exports only their visible rows; an expired link fails; a cell "=HYPERLINK(...)" opens as text.',
    addresses: { 'WEB-I-07': 75 },
    refs: ['CWE-1236'],
  },
  {
    id: 'WEB-M-38',
    title: 'Answer identically whether an account exists or not',
    implementation: 'Same message, status and timing for sign-in with unknown user or wrong password, for reset requests and for sign-up (send "you already have an account" by email instead of showing it).',
    verification: 'Test: responses for an existing and a non-existing email are byte-identical and within 50 ms of each other.',
    addresses: { 'WEB-I-08': 75 },
    refs: ['CWE-204'],
  },
  {
    id: 'WEB-M-39',
    title: 'Disable external entities and DTDs in XML parsers',
    implementation: 'Configure every XML parser (including those inside SAML, SVG and office libraries) with DTDs and external entities off and entity expansion limited.',
    verification: 'Test: an XXE payload reading /etc/hostname and a billion-laughs document are refused.',
    addresses: { 'WEB-I-09': 100, 'WEB-D-04': 25 },
    refs: ['CWE-611', 'CWE-776'],
  },
  {
    id: 'WEB-M-40',
    title: 'Mark personal responses as not cacheable',
    implementation: 'Cache-Control: no-store on authenticated and personal responses; CDN caches only public static paths by explicit rule and by content type, never by file extension in the URL.',
    verification: 'Header check on authenticated routes; requesting /account/x.css returns 404 or an uncached response.',
    addresses: { 'WEB-I-10': 75 },
    refs: ['CWE-524'],
  },
  {
    id: 'WEB-M-41',
    title: 'Keep storage private and hand out short-lived signed links',
    implementation: 'Block public access at account level; objects served through signed URLs that expire in minutes and are issued after an authorization check; encryption at rest; daily configuration scan.',
    verification: 'Configuration scan shows no public buckets; an anonymous request to an object URL fails; a signed link fails after expiry.',
    top: true,
    addresses: { 'WEB-I-11': 75 },
    refs: ['CWE-552', 'CWE-732'],
  },
  {
    id: 'WEB-M-42',
    title: 'Minimise and contract data shared with third parties',
    implementation: 'Keep a register of third parties and the fields each receives; send pseudonymous ids instead of emails; strip query strings from analytics; load marketing tags only after consent; processing agreements in place.',
    verification: 'Network trace of key pages shows no personal data to analytics hosts; register reviewed each quarter.',
    addresses: { 'WEB-I-13': 75 },
    refs: ['CWE-359'],
  },
  {
    id: 'WEB-M-43',
    title: 'Rate-limit, paginate and bound every endpoint',
    implementation: 'Per-client and per-endpoint rate limits with 429 and Retry-After; maximum page size; limits on body size, batch size and GraphQL depth and cost; server-side timeouts for queries and requests.',
    verification: 'Load test: a single client above its limit gets 429 while others are unaffected; a page size of 100,000 is capped.',
    top: true,
    addresses: { 'WEB-D-01': 75, 'WEB-D-05': 25, 'WEB-D-04': 25 },
    refs: ['CWE-770', API4],
  },
  {
    id: 'WEB-M-44',
    title: 'Detect and slow automation of business flows',
    implementation:
      'Velocity limits per account, device, card and IP range on payments, sign-ups and orders; bot detection or a challenge when limits are approached; the payment provider\'s fraud screening and 3-D Secure; purchase limits per customer for scarce items.',
    verification: 'Replay of a card-testing pattern in staging is blocked after the configured number of declines.',
    top: true,
    addresses: { 'WEB-D-02': 75, 'WEB-S-01': 25, 'WEB-D-08': 25 },
    refs: ['CWE-799', API6],
  },
  {
    id: 'WEB-M-45',
    title: 'Slow attackers down without locking users out',
    implementation: 'Use per-source throttling and challenges rather than hard account lockout; let the owner sign in from known devices or unlock through email; never lock administrator accounts without another way in.',
    verification: 'Test: 100 failed sign-ins from one IP do not stop the owner signing in from a known device.',
    addresses: { 'WEB-D-03': 75 },
    refs: ['CWE-645'],
  },
  {
    id: 'WEB-M-46',
    title: 'Bound parsing: safe regular expressions and size, depth and ratio limits',
    implementation: 'Use a linear-time regex engine or review patterns for nested quantifiers; limit input length before matching; limit JSON depth and size, archive entry count, total size and compression ratio.',
    verification: 'Lint rule for unsafe regexes; tests with ReDoS strings, 10,000-deep JSON and a zip bomb finish quickly with a refusal.',
    addresses: { 'WEB-D-04': 75 },
    refs: ['CWE-1333', 'CWE-409'],
  },
  {
    id: 'WEB-M-47',
    title: 'Isolate external providers with timeouts, retries and circuit breakers',
    implementation: 'Every outbound call has a timeout, bounded retries with backoff and jitter, and a circuit breaker; non-interactive work goes through a queue; a degraded mode tells the user what is unavailable.',
    verification: 'Chaos test: with the provider stubbed to hang, the rest of the site keeps answering within its latency budget.',
    controlType: 'corrective',
    addresses: { 'WEB-D-06': 75 },
    refs: ['CWE-1088'],
  },
  {
    id: 'WEB-M-48',
    title: 'Bound queues: size limits, quotas and dead-letter queues',
    implementation: 'Maximum message size, per-producer publish quotas, a dead-letter queue after a few attempts, alerts on depth and age, consumers that scale out.',
    verification: 'Test: a message that always fails lands in the dead-letter queue after the configured attempts and the queue keeps moving.',
    addresses: { 'WEB-D-07': 75, 'WEB-T-10': 25 },
    refs: ['CWE-770'],
  },
  {
    id: 'WEB-M-49',
    title: 'Limit messages per recipient, account and destination',
    implementation: 'Caps per phone number, email, account and country per hour and day; block premium and unused number ranges; CAPTCHA before sending to a new recipient; spend alerts with the provider.',
    verification: 'Test: the 4th verification SMS to one number within an hour is refused.',
    addresses: { 'WEB-D-08': 75 },
    refs: ['CWE-799'],
  },
  {
    id: 'WEB-M-50',
    title: 'Deny by default and check function permissions on the server',
    implementation: 'One authorization layer maps every route to the roles allowed; routes without a mapping are refused; admin APIs separated (own path prefix or service) and never trusted on UI hiding.',
    verification: 'Automated matrix test calls every route with every role and compares with the expected permissions.',
    top: true,
    addresses: { 'WEB-E-01': 75, 'WEB-E-02': 50, 'WEB-E-08': 25 },
    refs: ['CWE-285', 'CWE-862', API5],
  },
  {
    id: 'WEB-M-51',
    title: 'Grant roles only through a controlled, audited path',
    implementation: 'Only administrators grant roles, never above their own; role fields not accepted by profile or invitation endpoints; invitations bound to the invited email and single-use; admin grants need a second approver and notify the team.',
    verification: 'Tests: a member cannot grant admin or accept another person\'s invitation; each grant appears in the audit log.',
    addresses: { 'WEB-E-02': 75 },
    refs: ['CWE-269'],
  },
  {
    id: 'WEB-M-52',
    title: 'Scope every query, cache key and file path by tenant',
    implementation: 'Take the tenant from the authenticated context, never the request; enforce it in the data layer (row-level security or a mandatory tenant filter); include it in cache keys, search indexes and storage paths.',
    verification: 'Automated cross-tenant tests for every endpoint; row-level security on in the database.',
    top: true,
    addresses: { 'WEB-E-03': 75, 'WEB-I-02': 25 },
    refs: ['CWE-639', 'CWE-668'],
  },
  {
    id: 'WEB-M-53',
    title: 'Map file references to ids and check the resolved path',
    implementation: 'Users refer to files by generated ids; when a name must be used, canonicalise it and check the result is inside the base folder; reject separators, "..", NUL and absolute paths.',
    verification: 'Tests with "../", URL-encoded and absolute paths are refused.',
    addresses: { 'WEB-E-05': 75, 'WEB-T-05': 25 },
    refs: ['CWE-22'],
  },
  {
    id: 'WEB-M-54',
    title: 'Enforce workflow state on the server',
    implementation: 'Model orders, refunds and onboarding as a state machine checked on every step; each transition requires the previous state; approvals by a different person than the requester.',
    verification: 'Tests call each step out of order and get a refusal; a refund approved by its requester is refused.',
    addresses: { 'WEB-E-06': 75, 'WEB-T-04': 25 },
    refs: ['CWE-841'],
  },
  {
    id: 'WEB-M-55',
    title: 'Strict cross-origin allow-list',
    implementation: 'CORS only for listed origins, never reflecting Origin with credentials, no "null" origin; postMessage handlers check event.origin and the message schema.',
    verification: 'Test: a request with Origin https://evil.example gets no Access-Control-Allow-Origin header.',
    addresses: { 'WEB-E-08': 75 },
    refs: ['CWE-942', 'CWE-346'],
  },
  {
    id: 'WEB-M-56',
    title: 'Ask for re-authentication before sensitive changes and notify the owner',
    implementation: 'Step-up authentication (password or second factor, less than 5 minutes old) for deleting the account, changing email, password, phone, payout details or creating API keys; email notification of every such change with a way to report it.',
    verification: 'Tests: each listed change without a fresh step-up is refused; the notification is sent.',
    top: true,
    addresses: { 'WEB-E-09': 75, 'WEB-S-02': 25, 'WEB-T-12': 50, 'WEB-T-03': 25 },
    refs: ['CWE-306', 'CWE-620'],
  },
  {
    id: 'WEB-M-57',
    title: 'Give AI features only the user\'s rights and confirm their side effects',
    implementation: 'Tool calls run with the signed-in user\'s permissions through the normal authorization; untrusted content is marked as data in prompts; outbound links and actions with side effects need the user\'s confirmation; outputs are encoded like user content.',
    verification: 'Red-team prompts embedded in documents cannot make the assistant read another user\'s data or call an unconfirmed action.',
    addresses: { 'WEB-E-10': 50 },
    refs: ['CWE-1427'],
  },
  {
    id: 'WEB-M-58',
    title: 'Monitor data access volume per user and client',
    implementation: 'Count records read, exported and downloaded per user, API client and tenant; baseline them and alert on spikes and on access to many distinct customers.',
    verification: 'A scripted scrape in staging raises an alert within 15 minutes.',
    controlType: 'detective',
    addresses: { 'WEB-I-02': 25, 'WEB-I-03': 25, 'WEB-I-07': 25 },
    refs: ['CWE-778'],
  },
];

type QuestionText = [text: string, why: string];

const questions: Record<ComponentKind, Record<StrideCategory, QuestionText>> = {
  'web-ui': {
    S: [
      'Does every page that shows or changes a user\'s data require a signed-in session, with the session cookie marked Secure, HttpOnly and SameSite?',
      'A page that trusts a missing or stolen session lets anyone act as the user; cookies without these flags can be read by script or sent by other sites.',
    ],
    T: [
      'Is everything the page shows from users or other systems encoded for its context, and is a Content Security Policy without unsafe-inline in force?',
      'Unencoded output is how stored and reflected cross-site scripting run an attacker\'s script in the victim\'s session.',
    ],
    R: [
      'Are security-relevant actions started from the UI (sign-in, payment, settings changes) recorded on the server with who, what, when and from where?',
      'Whatever the browser logs can be suppressed by its user; without a server-side record a disputed action cannot be tied to an account.',
    ],
    I: [
      'Is the UI served only over HTTPS with HSTS, and are personal or payment pages sent with Cache-Control: no-store?',
      'Plain HTTP or a downgrade exposes sessions and data on the network; cached personal pages are shown to the next user of a shared computer or proxy.',
    ],
    D: [
      'Does the page stay usable when a third-party script, font or widget fails to load or answers slowly?',
      'A blocking tag from an analytics or chat vendor can take the whole page down with it, including checkout.',
    ],
    E: [
      'Are actions hidden from a user\'s role also refused by the server, and is the page protected from being framed by other sites?',
      'Hiding a button is not authorization: the request can be sent directly. Framing allows clickjacking of the actions the user may perform.',
    ],
  },
  api: {
    S: [
      'Does every endpoint authenticate the caller, validating the signature, issuer, audience and expiry of tokens or the scope of API keys?',
      'An endpoint without authentication, or one that accepts unsigned or expired tokens, lets anyone call it as any user.',
    ],
    T: [
      'Is every body, parameter and header validated against a schema (types, ranges, allowed fields) before use, and are all queries parameterised?',
      'Unvalidated input becomes injection, mass assignment of protected fields, or negative quantities and prices.',
    ],
    R: [
      'Does the API log each state-changing call with the authenticated principal, client id, correlation id and outcome?',
      'Without it a fraudulent order, a leaked export or a role change cannot be attributed, and an attack in progress goes unnoticed.',
    ],
    I: [
      'Is the API reachable only over TLS 1.2 or later, and does each response contain only the fields this caller may and needs to see?',
      'Clear-text traffic can be read on the way; generic serialisers return internal fields and other people\'s personal data.',
    ],
    D: [
      'Are there rate limits, quotas, maximum page and body sizes and timeouts per client and per endpoint?',
      'Otherwise one client, bot or bug can exhaust threads, database connections or a paid downstream quota for everyone.',
    ],
    E: [
      'Does each endpoint check that the caller may perform this function on this particular object, not only that they are signed in?',
      'Broken object and function level authorization are the most exploited API flaws: changing an id or calling an admin route is enough.',
    ],
  },
  'data-store': {
    S: [
      'Does the application connect to the data store with its own credentials, kept in a secret store, never shared or default ones?',
      'Shared or default accounts let anyone who finds them connect as the application, and make access impossible to attribute.',
    ],
    T: [
      'Are writes constrained by the schema (types, foreign keys, unique and check constraints) and atomic where money or stock change?',
      'Missing constraints and read-modify-write races let malformed records, double refunds and negative stock persist.',
    ],
    R: [
      'Are changes to sensitive records (payments, roles, personal data) kept in an append-only audit trail the application itself cannot rewrite?',
      'If the same account can change data and its history, whoever holds it can erase their tracks.',
    ],
    I: [
      'Are connections to the store encrypted, and are personal and payment data encrypted at rest with keys managed outside the store?',
      'Backups, snapshots and replicas leak; separately held keys keep a copied disk or dump unreadable.',
    ],
    D: [
      'Are backups taken and restored in tests, and are queries bounded (indexes, limits, statement timeouts) so one request cannot lock the store?',
      'Without them an unbounded query becomes an outage and a lost volume becomes permanent data loss.',
    ],
    E: [
      'Does the application\'s database user have only the rights it needs (no schema changes, no superuser), with separate users for migrations and reporting?',
      'When an injection happens, the database account\'s rights decide whether the attacker reads one table or takes over the server.',
    ],
  },
  identity: {
    S: [
      'Are new passwords checked against breached lists, sign-in attempts throttled, and is multi-factor authentication available and required for administrators?',
      'Credential stuffing with passwords leaked elsewhere is the most common account takeover; a second factor stops most of it.',
    ],
    T: [
      'Can email, password, phone and second-factor settings be changed only after re-authentication, with a notification to the previous contact?',
      'An attacker who briefly holds a session otherwise locks the owner out by changing the recovery email or password.',
    ],
    R: [
      'Are sign-ins, failed attempts, password resets, second-factor changes and role grants logged with account, time, IP and device?',
      'These events are what an investigation needs to tell an account takeover from the owner\'s own actions.',
    ],
    I: [
      'Do sign-in, sign-up and reset answer identically whether or not the account exists, and are passwords hashed with Argon2id, bcrypt or scrypt?',
      'Different answers let attackers list customers; fast or unsalted hashes are cracked within hours after a breach.',
    ],
    D: [
      'Does throttling of failed sign-ins slow attackers down without locking real users out of their accounts?',
      'A hard lockout after a few failures lets anyone lock out any user by name, a denial of service on demand.',
    ],
    E: [
      'Are roles and permissions granted only by administrators through an audited path, never through self-service profile or invitation requests?',
      'A role field accepted by a profile update or an invitation flow is a one-request path to administrator.',
    ],
  },
  'message-queue': {
    S: [
      'Do producers and consumers authenticate to the broker with their own identities, and do consumers check which producer sent a message?',
      'A queue that anyone inside the network can publish to accepts forged orders, refunds or commands.',
    ],
    T: [
      'Do consumers validate each message against a schema, and are messages signed or carried on channels that prevent modification?',
      'Consumers that trust message content process tampered amounts and ids as if they came from the application.',
    ],
    R: [
      'Does every message carry a unique id, producer, timestamp and correlation id that are logged when it is produced and consumed?',
      'Without them a duplicated, lost or injected message cannot be traced, and replays go undetected.',
    ],
    I: [
      'Is broker traffic encrypted with TLS, and do messages leave out card data, secrets and personal data the consumer does not need?',
      'Messages are copied to dead-letter queues, logs and monitoring tools, where sensitive fields leak.',
    ],
    D: [
      'Are there message size limits, per-producer quotas, a dead-letter queue after a bounded number of retries, and alerts on queue depth and age?',
      'One poison message retried forever, or a flood from one producer, stops every consumer behind it.',
    ],
    E: [
      'Are publish and subscribe rights granted per topic or queue, so that each service reads and writes only its own?',
      'A compromised service with broker-wide rights reads every other service\'s messages and publishes commands in their name.',
    ],
  },
  'external-service': {
    S: [
      'Are calls to and from the external service authenticated (mutual TLS, signed webhooks, OAuth client credentials), and are callbacks verified before they are trusted?',
      'A forged "payment succeeded" webhook ships goods that were never paid for.',
    ],
    T: [
      'Is data received from the external service validated like user input before it is stored, used or shown?',
      'A compromised or faulty partner becomes an injection source; trusting it blindly is the unsafe consumption of APIs.',
    ],
    R: [
      'Are requests to and answers from the service logged with ids that can be reconciled with the provider\'s own records?',
      'Disputes with a payment or shipping provider are settled by matching records; without shared ids reconciliation is guesswork.',
    ],
    I: [
      'Does the connection validate the provider\'s certificate over TLS, and is only the data the provider needs sent to it?',
      'Disabled certificate checks allow interception; over-sharing with processors is a privacy breach and widens the damage of their incidents.',
    ],
    D: [
      'Are there timeouts, bounded retries with backoff, a circuit breaker and a degraded mode for when the service is slow or down?',
      'Without them an incident at a provider holds every worker until the application itself goes down.',
    ],
    E: [
      'Are the keys and scopes exchanged with the service the narrowest that work, kept in a secret store and rotated?',
      'A leaked broad key gives an attacker everything the integration can do, often including refunds and data exports.',
    ],
  },
};

const questionList = (): QuestionInput[] =>
  (Object.entries(questions) as Array<[ComponentKind, Record<StrideCategory, QuestionText>]>).flatMap(([kind, byLetter]) =>
    (Object.entries(byLetter) as Array<[StrideCategory, QuestionText]>).map(([letter, [text, why]]) => ({
      id: `WEB-Q-${kind.toUpperCase()}-${letter}`,
      stride: letter,
      topic: QUESTION_TOPICS[letter],
      componentKind: kind,
      text,
      why,
    })),
  );

export const WEB_AND_API_KB: KnowledgeBaseInput = {
  format: KB_FORMAT,
  id: 'web-and-api',
  name: 'Web applications and APIs',
  version: '2026.11.1',
  description:
    'Threats, mitigations and STRIDE questions for web applications and their APIs: authentication and sessions, injection, access control, payment and personal data, business-logic abuse, integrations, queues and availability. Themed on the OWASP Top 10 (2021) and the OWASP API Security Top 10 (2023), with CAPEC and CWE references. The TOP list is the short set to start a project with.',
  source: { format: 'built-in' },
  threats: [...spoofing, ...tampering, ...repudiation, ...disclosure, ...denialOfService, ...elevation].map(threat),
  mitigations: mitigations.map(mitigation),
  questions: questionList(),
};
