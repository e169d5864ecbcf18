import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useId, useState, type ChangeEvent } from 'react';
import type { RiskPolicyView, ThreatRow } from '../../../../src/contract';
import {
  ACCEPTANCE_MAX_DAYS,
  AcceptanceDraft,
  type AcceptanceEvent,
} from '../../../../src/domain/threat-model/threat-acceptance';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import { Field, TextAreaField } from '../common/form-fields';
import { InlineError } from '../common/inline-error';
import { showSuccessFlag } from '../common/success-flag';
import { TitledDialog } from '../common/titled-dialog';
import { byWhom, usePersonName } from '../people/people-names';
import { formatRisk } from './risk-chart/risk-summary';
import { severityRise, severityRiseText } from '../../../../src/domain/threat-model/threat-acceptance';

export interface AcceptancePort {
  accept(id: string, baseRevision: number, draft: AcceptanceDraft): Promise<Envelope<ThreatView>>;
  revoke(id: string, baseRevision: number, reason: string): Promise<Envelope<ThreatView>>;
}

interface Props {
  threat: ThreatRow;
  policy: RiskPolicyView;
  port: AcceptancePort;
  onClose: () => void;
}

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const nextDay = (day: string): string => addDays(day, 1);

/** Common lengths of an acceptance, one click each; the longest allowed last. */
const QUICK_DAYS = [30, 90, 180];

/**
 * Accept a threat's residual risk until a day, with a reason; renew or revoke an acceptance.
 * The dates come from the app (its day, the latest allowed), never from the browser's clock.
 */
export function AcceptRiskDialog({ threat, policy, port, onClose }: Props) {
  const reasonId = useId();
  const untilId = useId();
  const current = threat.acceptance;
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; until?: string }>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const earliest = nextDay(policy.today);

  async function accept() {
    const parsed = AcceptanceDraft.safeParse({ reason, until });
    const next: typeof errors = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) next[issue.path[0] as 'reason' | 'until'] ??= issue.message;
    if (until !== '' && (until < earliest || until > policy.latestUntil))
      next.until = `Choose a day from ${earliest} to ${policy.latestUntil}.`;
    if (until === '') next.until = 'Choose the last day the acceptance holds.';
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) return;
    setBusy(true);
    const envelope = await port.accept(threat.id, threat.revision, parsed.data);
    setBusy(false);
    if (!envelope.ok) return setFailure(envelope.error.message);
    showSuccessFlag(`${threat.id}: risk accepted until ${parsed.data.until}`, threat.title);
    onClose();
  }

  async function revoke() {
    setBusy(true);
    const envelope = await port.revoke(threat.id, threat.revision, reason);
    setBusy(false);
    if (!envelope.ok) return setFailure(envelope.error.message);
    showSuccessFlag(`${threat.id}: acceptance revoked`, threat.title);
    onClose();
  }

  const footer = (
    <Inline space="space.100" shouldWrap>
      <Button appearance="subtle" onClick={onClose}>
        Cancel
      </Button>
      {current && (
        <Button appearance="warning" isDisabled={busy} onClick={() => void revoke()}>
          {threat.acceptanceState === 'expired' ? 'Let it lapse' : 'Revoke acceptance'}
        </Button>
      )}
      <Button appearance="primary" isDisabled={busy} onClick={() => void accept()}>
        {current ? 'Renew acceptance' : 'Accept risk'}
      </Button>
    </Inline>
  );

  return (
    <TitledDialog title={`Accept the risk of ${threat.id}`} onClose={onClose} footer={footer}>
      <Stack space="space.200">
        <Text as="p">
          {threat.title}: residual risk {formatRisk(threat.risk.residual)} of severity{' '}
          {formatRisk(threat.severity.score)}. Accepting it says the remaining risk is acceptable for now: the audit
          stops asking for a mitigation until the last day you choose, then reports the acceptance as expired.
        </Text>
        {current && <CurrentAcceptance threat={threat} />}
        <TextAreaField
          label="Why is the risk acceptable?"
          name="reason"
          id={reasonId}
          errorId={`${reasonId}-error`}
          value={reason}
          error={errors.reason}
          required
          onChange={setReason}
          onBlur={() => undefined}
        />
        <Field
          label="Accepted until (last day, UTC)"
          htmlFor={untilId}
          errorId={`${untilId}-error`}
          error={errors.until}
          required
        >
          <Textfield
            id={untilId}
            name="until"
            type="date"
            value={until}
            min={earliest}
            max={policy.latestUntil}
            isRequired
            isInvalid={errors.until !== undefined}
            aria-describedby={`${untilId}-hint${errors.until ? ` ${untilId}-error` : ''}`}
            onChange={(event: ChangeEvent<HTMLInputElement>) => setUntil(event.currentTarget.value)}
          />
          <QuickDays today={policy.today} latest={policy.latestUntil} onChoose={setUntil} />
          <span id={`${untilId}-hint`}>
            <Text size="small" color="color.text.subtle">
              From {earliest} to {policy.latestUntil}: an acceptance runs at most {ACCEPTANCE_MAX_DAYS} days, so the
              risk is looked at again at least once a year.
            </Text>
          </span>
        </Field>
        {failure && <InlineError>{failure}</InlineError>}
        <History events={threat.acceptanceHistory ?? []} />
      </Stack>
    </TitledDialog>
  );
}

/** Buttons that fill the day in: 30, 90 and 180 days from the app's today, and the latest allowed. */
function QuickDays({ today, latest, onChoose }: { today: string; latest: string; onChoose: (day: string) => void }) {
  const days = QUICK_DAYS.map((n) => ({ n, day: addDays(today, n) })).filter(({ day }) => day < latest);
  return (
    <Inline space="space.050" shouldWrap alignBlock="center">
      <Text size="small" color="color.text.subtle">
        Quick choice:
      </Text>
      {days.map(({ n, day }) => (
        <Button
          key={n}
          spacing="compact"
          appearance="subtle"
          aria-label={`Until ${day} (${n} days)`}
          onClick={() => onChoose(day)}
        >
          {`${n} days`}
        </Button>
      ))}
      <Button
        spacing="compact"
        appearance="subtle"
        aria-label={`Until ${latest} (the longest allowed)`}
        onClick={() => onChoose(latest)}
      >
        Longest
      </Button>
    </Inline>
  );
}

function CurrentAcceptance({ threat }: { threat: ThreatRow }) {
  const acceptance = threat.acceptance!;
  const name = usePersonName(acceptance.accountId);
  const expired = threat.acceptanceState === 'expired';
  // Rated more severe since it was accepted: it no longer holds, whatever its date says.
  const rise = severityRise(acceptance, threat);
  const title = rise
    ? `No longer holds: ${severityRiseText(rise)}`
    : expired
      ? `Expired after ${acceptance.until}`
      : `Accepted until ${acceptance.until}`;
  return (
    <SectionMessage appearance={expired ? 'warning' : 'information'} title={title}>
      <Text as="p">{`Accepted${byWhom(name)} on ${acceptance.at.slice(0, 10)}: ${acceptance.reason}`}</Text>
    </SectionMessage>
  );
}

/** Every acceptance and revocation, newest first: who, when, why. */
function History({ events }: { events: AcceptanceEvent[] }) {
  if (events.length === 0) return null;
  return (
    <Stack space="space.050">
      <Text weight="medium">History</Text>
      <ul style={{ margin: 0, paddingInlineStart: '1.2em' }} aria-label="Acceptance history">
        {[...events].reverse().map((event, i) => (
          <HistoryItem key={`${event.at}-${i}`} event={event} />
        ))}
      </ul>
    </Stack>
  );
}

function HistoryItem({ event }: { event: AcceptanceEvent }) {
  const name = usePersonName(event.accountId);
  const until = event.action === 'accepted' && event.until ? ` until ${event.until}` : '';
  return (
    <li>
      <Text size="small">
        {`${event.at.slice(0, 10)}: ${event.action}${byWhom(name)}${until}${event.reason ? ` — ${event.reason}` : ''}`}
      </Text>
    </li>
  );
}
