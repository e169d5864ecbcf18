import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReportDocument, ReportQuery } from '../../../../src/contract';
import type { Envelope } from '../../../../src/domain/common/envelope';
import { fakeBridge, hostBridge } from '../threat-model/test-support/host-bridge';
import { ReportDownload } from './report-download';
import { blobText, savedDownloads } from '../test-support/saved-downloads';

const DIGEST = 'a'.repeat(64);
const part = (index: number, text: string): Envelope<ReportDocument> => ({
  ok: true,
  data: {
    fileName: 'PAY-threat-model-2026-12-03.html',
    mimeType: 'text/html;charset=utf-8',
    text,
    part: index,
    parts: 3,
    generatedAt: '2026-12-03T05:00:00.000Z',
    digest: DIGEST,
  },
});

let saved: Blob[] = [];
beforeEach(() => {
  saved = savedDownloads();
});
afterEach(() => hostBridge.reset());

describe('downloading the report', () => {
  it('asks for a large report’s parts with the first part’s time and digest, and saves them joined', async () => {
    const sent: ReportQuery[] = [];
    const texts = ['<html><body>', '<p>T-1</p>', '</body></html>'];
    fakeBridge.givenResolver('report/get', (payload) => {
      const query = payload as ReportQuery;
      sent.push(query);
      const index = query.part?.index ?? 0;
      return part(index, texts[index]!);
    });
    const user = userEvent.setup();
    render(<ReportDownload standard="asvs-5.0" level={2} />);
    await user.click(screen.getByRole('button', { name: 'Download HTML' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(sent.map((q) => q.part)).toEqual([
      undefined,
      { index: 1, generatedAt: '2026-12-03T05:00:00.000Z', digest: DIGEST },
      { index: 2, generatedAt: '2026-12-03T05:00:00.000Z', digest: DIGEST },
    ]);
    expect(saved).toHaveLength(1);
    expect(await blobText(saved[0]!)).toBe('<html><body><p>T-1</p></body></html>');
  });
});
