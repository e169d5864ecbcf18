import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { inflateRawSync } from 'node:zlib';
import type { ImportPreview, InterchangeImport, InterchangeImportResult } from '../../../../src/contract';
import type { Envelope } from '../../../../src/domain/common/envelope';
import { fakeBridge, hostBridge } from '../threat-model/test-support/host-bridge';
import { ModelImport } from './model-import';

const preview = (action: 'create' | 'unchanged'): ImportPreview => ({
  format: 'threat-composer',
  name: 'Checkout',
  threats: {
    create: action === 'create' ? 1 : 0,
    update: 0,
    unchanged: action === 'unchanged' ? 1 : 0,
    conflict: 0,
  },
  mitigations: { create: 0, update: 0, unchanged: 0, conflict: 0 },
  items:
    action === 'create' ? [{ kind: 'threat', action, id: 'T-4', title: 'A threat actor can replay a webhook' }] : [],
  moreItems: 0,
  warnings: ['Mitigation 7 ("Rotate keys") is linked to no threat; it is left out.'],
  token: 'plan-1',
});
const answer = (p: ImportPreview, applied: boolean) => () =>
  ({ ok: true, data: { preview: p, applied } }) satisfies Envelope<InterchangeImportResult>;
const sentText = (content: InterchangeImport['content']) =>
  content.encoding === 'text' ? content.text : inflateRawSync(Buffer.from(content.data, 'base64')).toString('utf8');

afterEach(() => hostBridge.reset());

const pick = async (user: ReturnType<typeof userEvent.setup>, text = '{"schema": 1}') =>
  user.upload(
    screen.getByLabelText('File to import'),
    new File([text], 'checkout.tc.json', { type: 'application/json' }),
  );

describe('importing a file into the threat model', () => {
  it('previews what the file changes, then imports the same file on confirm', async () => {
    const sent: InterchangeImport[] = [];
    fakeBridge.givenResolver('interchange/preview-import', (payload) => {
      sent.push(payload as InterchangeImport);
      return answer(preview('create'), false)();
    });
    fakeBridge.givenResolver('interchange/import', (payload) => {
      sent.push(payload as InterchangeImport);
      return answer(preview('create'), true)();
    });
    let imported = 0;
    const user = userEvent.setup();
    render(<ModelImport onImported={() => (imported += 1)} />);
    await pick(user);
    await user.click(screen.getByRole('button', { name: 'Preview import' }));
    const region = await screen.findByRole('region', { name: 'Import preview' });
    expect(within(region).getByText(/1 threat: 1 to create, 0 to update, 0 unchanged/)).toBeTruthy();
    expect(within(region).getByRole('row', { name: /New T-4 A threat actor can replay a webhook/ })).toBeTruthy();
    expect(within(region).getByText(/linked to no threat; it is left out/)).toBeTruthy();
    expect(fakeBridge.invocationsOf('interchange/import')).toEqual([]);

    await user.click(within(region).getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/^Imported checkout\.tc\.json: 1 threat: 1 created/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Import preview' })).toBeNull();
    expect(sent.map((s) => [s.fileName, s.format, sentText(s.content), (s as { token?: string }).token])).toEqual([
      ['checkout.tc.json', 'auto', '{"schema": 1}', undefined],
      ['checkout.tc.json', 'auto', '{"schema": 1}', 'plan-1'],
    ]);
    expect(imported).toBe(1);
  });

  it('shows a renamed record with its old and new title, and the count of rows it does not list', async () => {
    fakeBridge.givenResolver(
      'interchange/preview-import',
      answer(
        {
          ...preview('create'),
          threats: { create: 0, update: 201, unchanged: 0, conflict: 0 },
          items: [
            { kind: 'threat', action: 'update', id: 'T-1', title: 'Card data stolen', previousTitle: 'PAN leak' },
          ],
          moreItems: 200,
        },
        false,
      ),
    );
    const user = userEvent.setup();
    render(<ModelImport />);
    await pick(user);
    await user.click(screen.getByRole('button', { name: 'Preview import' }));
    const region = await screen.findByRole('region', { name: 'Import preview' });
    expect(within(region).getByRole('row', { name: /Updated T-1 PAN leak → Card data stolen/ })).toBeTruthy();
    expect(within(region).getByText('…and 200 more.')).toBeTruthy();
  });

  it('says the model changed since the preview when the import is refused for it', async () => {
    fakeBridge.givenResolver('interchange/preview-import', answer(preview('create'), false));
    fakeBridge.givenResolver('interchange/import', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: "PAY's threat model changed since the preview. Nothing was imported." },
    }));
    const user = userEvent.setup();
    render(<ModelImport />);
    await pick(user);
    await user.click(screen.getByRole('button', { name: 'Preview import' }));
    const region = await screen.findByRole('region', { name: 'Import preview' });
    await user.click(within(region).getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/changed since the preview/)).toBeTruthy();
  });

  it('has nothing to confirm when everything is already in the model', async () => {
    fakeBridge.givenResolver('interchange/preview-import', answer(preview('unchanged'), false));
    const user = userEvent.setup();
    render(<ModelImport />);
    await pick(user);
    await user.click(screen.getByRole('button', { name: 'Preview import' }));
    expect(await screen.findByText('Everything in the file is already in the threat model.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows why a file was refused, with the place in it', async () => {
    fakeBridge.givenResolver('interchange/preview-import', () => ({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'checkout.tc.json:3:9: threats[0].status Invalid option' },
    }));
    const user = userEvent.setup();
    render(<ModelImport />);
    await pick(user);
    await user.click(screen.getByRole('button', { name: 'Preview import' }));
    expect(await screen.findByText('checkout.tc.json:3:9: threats[0].status Invalid option')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Import preview' })).toBeNull();
  });
});
