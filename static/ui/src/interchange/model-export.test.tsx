import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InterchangeExport, InterchangeExportRequest } from '../../../../src/contract';
import type { Envelope } from '../../../../src/domain/common/envelope';
import { fakeBridge, hostBridge } from '../threat-model/test-support/host-bridge';
import { ModelExport } from './model-export';
import { blobText, savedDownloads } from '../test-support/saved-downloads';

const part = (text: string, next: InterchangeExport['next'], done: number): Envelope<InterchangeExport> => ({
  ok: true,
  data: {
    format: 'otm',
    fileName: 'PAY-threat-model.otm.json',
    text,
    next,
    progress: { done, total: 3 },
    threats: 2,
    mitigations: 1,
    problems: [],
  },
});

let saved: Blob[] = [];
beforeEach(() => {
  saved = savedDownloads();
});
afterEach(() => hostBridge.reset());

describe('exporting the threat model', () => {
  it('asks for the parts one after another and saves them joined as one file', async () => {
    const sent: InterchangeExportRequest[] = [];
    fakeBridge.givenResolver('interchange/export', (payload) => {
      const request = payload as InterchangeExportRequest;
      sent.push(request);
      if (!request.from) return part('{"threats":[', { piece: 1, revision: 4 }, 1);
      return request.from.piece === 1
        ? part('{"id":"T-1"},', { piece: 2, revision: 4 }, 2)
        : part('{"id":"T-2"}]}\n', null, 3);
    });
    const user = userEvent.setup();
    render(<ModelExport />);
    await user.click(screen.getByRole('button', { name: 'Download as OTM' }));
    await screen.findByText('Downloaded PAY-threat-model.otm.json: 2 threats, 1 mitigation.');
    expect(sent).toEqual([
      { format: 'otm' },
      { format: 'otm', from: { piece: 1, revision: 4 } },
      { format: 'otm', from: { piece: 2, revision: 4 } },
    ]);
    expect(saved).toHaveLength(1);
    expect(JSON.parse(await blobText(saved[0]!))).toEqual({ threats: [{ id: 'T-1' }, { id: 'T-2' }] });
  });

  it('starts again once when the model changed between parts, and says so when it changes again', async () => {
    let calls = 0;
    fakeBridge.givenResolver('interchange/export', (payload) => {
      calls += 1;
      if (!(payload as InterchangeExportRequest).from) return part('{"threats":[', { piece: 1, revision: calls }, 1);
      return {
        ok: false,
        error: { code: 'CONFLICT', message: 'The threat model changed while it was being exported.' },
      };
    });
    const user = userEvent.setup();
    render(<ModelExport />);
    await user.click(screen.getByRole('button', { name: 'Download as OTM' }));
    await screen.findByText('The threat model changed while it was being exported.');
    // First part, refused second; again: first part, refused second. Nothing saved.
    expect(calls).toBe(4);
    expect(saved).toEqual([]);
  });
});
