import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ImportPreview } from '../../../../src/contract';
import { CELL, HEAD_CELL, TABLE } from '../common/table-styles';

const ID_CELL = { ...CELL, whiteSpace: 'nowrap' } as const;

const ACTION_WORDS = {
  create: 'New',
  update: 'Updated',
  unchanged: 'Unchanged',
  conflict: 'Changed in Jira',
} as const;
const APPEARANCE = { create: 'success', update: 'inprogress', unchanged: 'default', conflict: 'moved' } as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function countsSentence(preview: ImportPreview, applied: boolean): string {
  const verbs = applied ? ['created', 'updated'] : ['to create', 'to update'];
  const part = (word: string, c: ImportPreview['threats']) =>
    `${plural(c.create + c.update + c.unchanged + c.conflict, word)}: ${c.create} ${verbs[0]}, ${c.update} ${verbs[1]}, ${c.unchanged} unchanged${c.conflict ? `, ${c.conflict} changed in Jira since the export` : ''}`;
  return `${part('threat', preview.threats)}; ${part('mitigation', preview.mitigations)}.`;
}

/** Whether the import would write nothing: everything is in the model already, or changed in Jira since the export. */
export const writesNothing = (preview: ImportPreview): boolean =>
  [preview.threats, preview.mitigations].every((c) => c.create + c.update === 0);

/** What an import creates and updates, record by record (the server lists the first 200 and counts the rest). */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const shown = preview.items.filter((i) => i.action !== 'unchanged');
  return (
    <Stack space="space.100">
      {preview.warnings.length > 0 && (
        <SectionMessage appearance="warning" title="Left out of the import">
          <ul>
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </SectionMessage>
      )}
      {shown.length > 0 && (
        <table style={TABLE} aria-label="Threats and mitigations in the file">
          <thead>
            <tr>
              <th style={HEAD_CELL}>Change</th>
              <th style={HEAD_CELL}>Id</th>
              <th style={HEAD_CELL}>Title</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={`${item.kind}-${item.id}`}>
                <td style={CELL}>
                  <Lozenge appearance={APPEARANCE[item.action]}>{ACTION_WORDS[item.action]}</Lozenge>
                </td>
                <td style={ID_CELL}>{item.id}</td>
                <td style={CELL}>
                  {item.previousTitle !== undefined ? `${item.previousTitle} → ${item.title}` : item.title}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.moreItems > 0 && <Text as="p">…and {preview.moreItems} more.</Text>}
    </Stack>
  );
}
