import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { KbUpdate } from '../../../../../src/contract';
import { CELL, HEAD_CELL, TABLE } from '../../common/table-styles';
import { DescriptionDiff } from './description-diff';

const FIELD_NAMES: Record<KbUpdate['changes'][number]['field'], string> = {
  title: 'Title',
  description: 'Description',
  stride: 'STRIDE',
  probability: 'Probability',
  impact: 'Impact',
};

/** The update itself: which version to which, each field from -> to, and the mitigations it would add. */
export function KbUpdateChanges({ threatId, update }: { threatId: string; update: KbUpdate }) {
  return (
    <Stack space="space.200">
      <Text as="p">{`${update.knowledgeBaseName} has a new version: ${update.fromVersion} → ${update.toVersion}.`}</Text>
      {update.removed && <RemovedTemplate threatId={threatId} update={update} />}
      {update.changes.length > 0 && (
        <table style={TABLE} aria-label="Changes">
          <thead>
            <tr>
              <th scope="col" style={HEAD_CELL}>
                Field
              </th>
              <th scope="col" style={HEAD_CELL}>
                {`${threatId} now`}
              </th>
              <th scope="col" style={HEAD_CELL}>
                {`Version ${update.toVersion}`}
              </th>
            </tr>
          </thead>
          <tbody>
            {update.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row" style={{ ...CELL, textAlign: 'left' }}>
                  {FIELD_NAMES[change.field]}
                </th>
                {change.field === 'description' && change.from && change.to ? (
                  // A long text side by side is hard to compare: one cell shows what changes.
                  <td style={CELL} colSpan={2}>
                    <DescriptionDiff
                      threatId={threatId}
                      toVersion={update.toVersion}
                      from={change.from}
                      to={change.to}
                    />
                  </td>
                ) : (
                  <>
                    <td style={CELL}>{change.from || '—'}</td>
                    <td style={CELL}>{change.to || '—'}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {update.newMitigations.length > 0 && (
        <Stack space="space.050">
          <Text weight="medium">New mitigations, added as proposed</Text>
          <ul aria-label="New mitigations">
            {update.newMitigations.map((m) => (
              <li key={m.templateId}>
                <Text>{m.title}</Text>
              </li>
            ))}
          </ul>
        </Stack>
      )}
    </Stack>
  );
}

function RemovedTemplate({ threatId, update }: { threatId: string; update: KbUpdate }) {
  return (
    <SectionMessage appearance="warning" title="Removed from the knowledge base">
      <Text as="p">{`Version ${update.toVersion} of ${update.knowledgeBaseName} no longer has the threat ${threatId} was made from. Keep yours to stop this notice, or retire the threat if it no longer applies.`}</Text>
    </SectionMessage>
  );
}
