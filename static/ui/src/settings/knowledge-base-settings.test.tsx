import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { inflateRawSync } from 'node:zlib';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { KbUpload, KbUploadResult, SettingsView } from '../../../../src/contract';
import { fakeBridge, hostBridge } from '../threat-model/test-support/host-bridge';
import { ProjectSettings } from './project-settings';
import { aKnowledgeBaseSummary, aSettingsView } from './test-support/settings-view-mother';

const uploaded = aKnowledgeBaseSummary({
  id: 'payments-team',
  name: 'Payments team threats',
  version: '2',
  sourceFormat: 'pytm',
  file: 'threats.json',
  builtIn: false,
  active: false,
  counts: { threats: 114, mitigations: 114, questions: 0 },
  uploadedAt: '2026-11-20T10:00:00.000Z',
  threatCount: 3,
});
const twoKbs = aSettingsView({ knowledgeBases: [aKnowledgeBaseSummary(), uploaded] });

const givenSettings = (view: SettingsView) =>
  fakeBridge.givenResolver('settings/get', () => ({ ok: true, data: view }) satisfies Envelope<SettingsView>);
const answering = (view: SettingsView) => () => ({ ok: true, data: view }) satisfies Envelope<SettingsView>;
const sentText = (content: KbUpload['content']) =>
  content.encoding === 'text' ? content.text : inflateRawSync(Buffer.from(content.data, 'base64')).toString('utf8');

afterEach(() => hostBridge.reset());

describe('knowledge-base settings', () => {
  it('lists each knowledge base with its version, source, counts and whether it is on', async () => {
    givenSettings(twoKbs);
    render(<ProjectSettings />);
    const list = await screen.findByRole('list', { name: 'Knowledge bases' });
    const builtIn = within(list).getByTestId('knowledge-base-web-and-api');
    expect(within(builtIn).getByRole('checkbox', { name: 'Web applications and APIs' })).toHaveProperty(
      'checked',
      true,
    );
    expect(within(builtIn).getByText('61 threats · 58 mitigations · 36 STRIDE questions')).toBeTruthy();
    expect(within(builtIn).queryByRole('button', { name: /Remove/ })).toBeNull();
    const pytm = within(list).getByTestId('knowledge-base-payments-team');
    expect(within(pytm).getByRole('checkbox', { name: 'Payments team threats' })).toHaveProperty('checked', false);
    expect(within(pytm).getByText(/Version 2 · Imported from OWASP pytm \(threats\.json\) · uploaded/)).toBeTruthy();
    expect(within(pytm).getByText(/3 threats of this project came from it/)).toBeTruthy();
    expect(screen.getByRole('radio', { name: /TOP/ })).toHaveProperty('checked', true);
  });

  it('turns a knowledge base on and switches the default list, each saved at once', async () => {
    givenSettings(twoKbs);
    const saved: unknown[] = [];
    fakeBridge.givenResolver('knowledge-base/save-settings', (payload) => {
      saved.push(payload);
      const { knowledgeBases } = payload as { knowledgeBases: SettingsView['settings']['knowledgeBases'] };
      return {
        ok: true,
        data: {
          ...twoKbs,
          settings: { ...twoKbs.settings, knowledgeBases },
          knowledgeBases: twoKbs.knowledgeBases.map((k) => ({ ...k, active: knowledgeBases.active.includes(k.id) })),
        },
      };
    });
    const user = userEvent.setup();
    render(<ProjectSettings />);
    await user.click(await screen.findByRole('checkbox', { name: 'Payments team threats' }));
    await waitFor(() =>
      expect(saved).toEqual([{ knowledgeBases: { active: ['web-and-api', 'payments-team'], mode: 'top' } }]),
    );
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Payments team threats' })).toHaveProperty('checked', true),
    );

    await user.click(screen.getByRole('radio', { name: /Full/ }));
    await waitFor(() =>
      expect(saved[1]).toEqual({ knowledgeBases: { active: ['web-and-api', 'payments-team'], mode: 'full' } }),
    );
    await waitFor(() => expect(screen.getByRole('radio', { name: /Full/ })).toHaveProperty('checked', true));
    expect(hostBridge.callsOf('showFlag').map((f) => (f as { title: string }).title)).toEqual([
      'Knowledge bases saved',
      'Knowledge bases saved',
    ]);
  });

  it('warns when every knowledge base is off', async () => {
    givenSettings(
      aSettingsView({
        knowledgeBases: [aKnowledgeBaseSummary({ active: false })],
        settings: { ...aSettingsView().settings, knowledgeBases: { active: [], mode: 'top' } },
      }),
    );
    render(<ProjectSettings />);
    expect(await screen.findByText('No knowledge base is active')).toBeTruthy();
  });

  it('removes an upload and undoes the removal', async () => {
    givenSettings(twoKbs);
    fakeBridge.givenResolver('knowledge-base/remove', answering(aSettingsView()));
    fakeBridge.givenResolver('knowledge-base/restore', answering(twoKbs));
    const user = userEvent.setup();
    render(<ProjectSettings />);
    await user.click(await screen.findByRole('button', { name: 'Remove Payments team threats' }));
    expect(await screen.findByText('Payments team threats was removed')).toBeTruthy();
    expect(screen.queryByTestId('knowledge-base-payments-team')).toBeNull();
    expect(fakeBridge.invocationsOf('knowledge-base/remove')).toEqual([
      { functionKey: 'knowledge-base/remove', payload: { id: 'payments-team' } },
    ]);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByTestId('knowledge-base-payments-team');
    expect(fakeBridge.invocationsOf('knowledge-base/restore')).toEqual([
      { functionKey: 'knowledge-base/restore', payload: { id: 'payments-team', activate: false } },
    ]);
    expect(screen.queryByText('Payments team threats was removed')).toBeNull();
  });

  it('uploads the picked file with its name and format, and says what it replaced', async () => {
    givenSettings(aSettingsView());
    let sent: KbUpload | undefined;
    fakeBridge.givenResolver('knowledge-base/upload', (payload) => {
      sent = payload as KbUpload;
      const uploadedNow = { ...uploaded, active: true };
      return {
        ok: true,
        data: {
          view: aSettingsView({ knowledgeBases: [aKnowledgeBaseSummary(), uploadedNow] }),
          uploaded: uploadedNow,
          replacedVersion: '1',
        },
      } satisfies Envelope<KbUploadResult>;
    });
    const user = userEvent.setup();
    render(<ProjectSettings />);
    const text = JSON.stringify([{ SID: 'INP01', description: 'Buffer overflow' }]);
    await user.upload(
      await screen.findByLabelText('File'),
      new File([text], 'threats.json', { type: 'application/json' }),
    );
    await user.click(screen.getByRole('button', { name: 'Upload' }));

    expect(
      await screen.findByText(
        /^Payments team threats \(version 2\) replaced version 1 \(114 threats, 114 mitigations, 0 STRIDE questions\)/,
      ),
    ).toBeTruthy();
    expect(sent).toMatchObject({ fileName: 'threats.json', format: 'auto', activate: true });
    expect(sentText(sent!.content)).toBe(text);
    expect(screen.getByTestId('knowledge-base-payments-team')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Upload' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows why an upload was refused, with the place in the file', async () => {
    givenSettings(aSettingsView());
    fakeBridge.givenResolver('knowledge-base/upload', () => ({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'threats.json:3:1: Unexpected end of JSON input' },
    }));
    const user = userEvent.setup();
    render(<ProjectSettings />);
    await user.upload(await screen.findByLabelText('File'), new File(['[{"SID":'], 'threats.json'));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('threats.json:3:1: Unexpected end of JSON input')).toBeTruthy();
    expect(screen.getByText('Could not upload the knowledge base')).toBeTruthy();
  });

  it('is read only for people who are not project administrators', async () => {
    givenSettings({ ...twoKbs, canEdit: false });
    render(<ProjectSettings />);
    expect(await screen.findByRole('checkbox', { name: 'Payments team threats' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('radio', { name: /Full/ })).toHaveProperty('disabled', true);
    expect(screen.queryByLabelText('File')).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.getByText(/Only administrators of project PAY can choose and upload knowledge bases/)).toBeTruthy();
  });
});
