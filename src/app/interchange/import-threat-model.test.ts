import { deflateRawSync } from 'node:zlib';
import { readImportUpload } from './import-threat-model';

describe('reading an uploaded import file', () => {
  it('says a file above 8 MB should be split into smaller files, not knowledge bases', () => {
    const text = `{"otmVersion":"0.2.0","project":{"name":"x","id":"x","description":"${'a'.repeat(9 * 1024 * 1024)}"}}`;
    const upload = {
      fileName: 'big.otm.json',
      format: 'auto' as const,
      content: { encoding: 'deflate-base64' as const, data: deflateRawSync(Buffer.from(text)).toString('base64') },
    };
    expect(() => readImportUpload(upload)).toThrow('big.otm.json is larger than 8 MB; split it into smaller files.');
  });
});
