import { importFailure } from '../knowledge-base/importers/importer-test-support';
import { readInterchangeFile } from './read-interchange-file';

const read = (text: string, file = 'model.json') => importFailure(() => readInterchangeFile(text, file));

describe('malformed interchange files', () => {
  it('points at the line and column of broken JSON', () => {
    expect(read('{\n  "otmVersion": "0.2.0",\n  "project": {\n    "name": "x",\n', 'cut.otm.json')).toMatch(
      /^cut\.otm\.json:4:17: /,
    );
    expect(read('{\n  "schema": 1,\n  "threats": [ { "id": "a" ,, } ]\n}', 'bad.tc.json')).toMatch(
      /^bad\.tc\.json:3:\d+: /,
    );
  });

  it('points at the value of the wrong shape, with its JSON path', () => {
    const otm =
      '{\n  "otmVersion": "0.2.0",\n  "project": { "name": "P", "id": "p" },\n  "threats": [\n    { "id": "t1", "name": "N", "risk": { "likelihood": "high", "impact": 50 } }\n  ]\n}';
    const column = (line: string, value: string) => line.indexOf(value) + 1;
    expect(read(otm)).toBe(
      `model.json:5:${column(otm.split('\n')[4]!, '"high"')}: threats[0].risk.likelihood Invalid input: expected number, received string`,
    );
    const tc = '{\n  "schema": 1,\n  "threats": [\n    { "id": "t", "numericId": 1, "status": "done" }\n  ]\n}';
    expect(read(tc)).toMatch(
      new RegExp(`^model\\.json:4:${column(tc.split('\n')[3]!, '"done"')}: threats\\[0\\]\\.status `),
    );
  });

  it('places a missing field at the object that lacks it', () => {
    const otm =
      '{\n  "otmVersion": "0.2.0",\n  "project": { "name": "P", "id": "p" },\n  "threats": [\n    { "id": "t1", "risk": { "likelihood": 1, "impact": 50 } }\n  ]\n}';
    expect(read(otm)).toMatch(/^model\.json:5:5: threats\[0\]\.name is missing$/);
  });

  it('says what it expected of JSON that is neither format, and of an empty file', () => {
    expect(read('{"detail": {}}')).toMatch(/^model\.json: neither an Open Threat Model file/);
    expect(read('  \n')).toBe('model.json: the file is empty');
  });
});
