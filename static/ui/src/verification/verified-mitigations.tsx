import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Link from '@atlaskit/link';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { useState, type ReactNode } from 'react';
import type { VerificationNote, VerificationRecord, VerifiedMitigation } from '../../../../src/contract/verification';
import { CELL, HEAD_CELL, TABLE } from '../common/table-styles';
import { MitigationStatusLozenge } from '../mitigation/mitigation-status-lozenge';
import { byWhom, usePersonName } from '../people/people-names';
import { VerificationLozenge } from './verification-lozenge';
import { VerificationNoteForm } from './verification-note-form';

interface Props {
  mitigations: VerifiedMitigation[];
  canEdit: boolean;
  recordNote: (note: VerificationNote) => Promise<string | undefined>;
  /** Shown under the heading (a filter) and under the table (the pager). */
  above?: ReactNode;
  below?: ReactNode;
}

/** Every mitigation that is not rejected, with what is known about whether it works. */
export function VerifiedMitigations({ mitigations, canEdit, recordNote, above, below }: Props) {
  const [open, setOpen] = useState<string | undefined>();
  return (
    <Box as="section" aria-labelledby="verified-mitigations-heading">
      <Stack space="space.100">
        <Heading size="xsmall" as="h3" id="verified-mitigations-heading">
          Mitigations
        </Heading>
        {above}
        <Box style={{ overflowX: 'auto' }}>
          <table style={TABLE} aria-label="Verification of mitigations">
            <thead>
              <tr>
                <th style={HEAD_CELL}>Mitigation</th>
                <th style={HEAD_CELL}>Status</th>
                <th style={HEAD_CELL}>Verification</th>
              </tr>
            </thead>
            <tbody>
              {mitigations.map((m) => (
                <tr key={m.id} data-testid={`verification-${m.id}`}>
                  <td style={{ ...CELL, verticalAlign: 'top', width: '38%' }}>
                    <Stack space="space.025">
                      <Text weight="medium">{`${m.id} ${m.title}`}</Text>
                      <Text size="small" color="color.text.subtlest">
                        {m.threats.map((t) => `${t.id} ${t.title}`).join('; ')}
                      </Text>
                    </Stack>
                  </td>
                  <td style={{ ...CELL, verticalAlign: 'top' }}>
                    <MitigationStatusLozenge status={m.status} />
                  </td>
                  <td style={{ ...CELL, verticalAlign: 'top' }}>
                    <Stack space="space.075" alignInline="start">
                      <VerificationLozenge mitigation={m} />
                      {m.latest && <RecordLine record={m.latest} />}
                      {canEdit && open !== m.id && (
                        <Button
                          spacing="compact"
                          aria-label={`Record verification of ${m.id}`}
                          onClick={() => setOpen(m.id)}
                        >
                          Record verification
                        </Button>
                      )}
                      {open === m.id && (
                        <VerificationNoteForm
                          mitigationId={m.id}
                          onCancel={() => setOpen(undefined)}
                          onSubmit={async (draft) => {
                            const error = await recordNote({ mitigationId: m.id, baseRevision: m.revision, draft });
                            if (error === undefined) setOpen(undefined);
                            return error;
                          }}
                        />
                      )}
                    </Stack>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
        {below}
      </Stack>
    </Box>
  );
}

/**
 * Whether a stored evidence link may be a link: https only. The backend refuses anything else on
 * input, but a stored value is input too (anyone with project admin can write the property).
 */
const isHttpsLink = (value: string): boolean => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

/** The newest record: what, from where, by whom and when. */
function RecordLine({ record }: { record: VerificationRecord }) {
  const name = usePersonName(record.recorded.accountId);
  const when = new Date(record.recorded.at).toLocaleDateString();
  const what =
    record.source === 'sarif'
      ? `${record.note}${record.results?.[0] ? ` ${record.results[0].ruleId}${record.results[0].location ? ` at ${record.results[0].location}` : ''}.` : ''}`
      : `${record.outcome === 'pass' ? 'Passed' : record.outcome === 'fail' ? 'Failed' : 'Partly passed'} a check by hand${record.note ? `: ${record.note}` : '.'}`;
  return (
    <Stack space="space.025">
      <Text size="small">{what}</Text>
      <Text size="small" color="color.text.subtlest">
        {`Recorded ${when}${byWhom(name)}`}
      </Text>
      {record.evidence !== '' &&
        (isHttpsLink(record.evidence) ? (
          <Text size="small">
            <Link href={record.evidence} target="_blank">
              Evidence
            </Link>
          </Text>
        ) : (
          <Text size="small" testId="evidence-text">{`Evidence (not an https link): ${record.evidence}`}</Text>
        ))}
    </Stack>
  );
}
