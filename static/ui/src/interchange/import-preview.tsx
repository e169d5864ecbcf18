import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ImportPreview } from '../../../../src/contract';
import { CELL, HEAD_CELL, TABLE } from '../common/table-styles';

const ID_CELL = { ...CELL, whiteSpace: 'nowrap' } as const;

const ACTION_WORDS = { create: 'New', update: 'Updated', unchanged: 'Unchanged' } as const;
const APPEARANCE = { create: 'success', update: 'inprogress', unchanged: 'default' } as const;

/** Rows shown at once; a file with more lists the rest as a count. */
const SHOWN = 200;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function countsSentence(preview: ImportPreview, applied: boolean): string {
  const verbs = applied ? ['created', 'updated'] : ['to create', 'to update'];
  const part = (word: string, c: ImportPreview['threats']) =>
    `${plural(c.create + c.update + c.unchanged, word)}: ${c.create} ${verbs[0]}, ${c.update} ${verbs[1]}, ${c.unchanged} unchanged`;
  return `${part('threat', preview.threats)}; ${part('mitigation', preview.mitigations)}.`;
}

/** What an import creates, updates and leaves unchanged, record by record. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const changed = preview.items.filter((i) => i.action !== 'unchanged');
  const shown = changed.slice(0, SHOWN);
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
                <td style={CELL}>{item.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changed.length > SHOWN && <Text as="p">…and {changed.length - SHOWN} more.</Text>}
    </Stack>
  );
}
