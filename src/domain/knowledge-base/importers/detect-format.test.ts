import fs from 'fs';
import path from 'path';
import { detectFormat } from './detect-format';
import { importFailure, sharedFile } from './importer-test-support';

const { file: LIBRARIES, describeIfShared } = sharedFile('.', 'format detection');

describeIfShared('detectFormat on the real libraries', () => {
  it.each([
    ['pytm/threats.json', 'pytm'],
    ['microsoft-tmt/default.tb7', 'tmt'],
    ['threat-dragon/v2-threat-model.json', 'threat-dragon'],
    ['open-threat-model/EXAMPLE.json', 'otm'],
    ['threat-composer/ThreatComposer.tc.json', 'threat-composer'],
  ])('reads %s as %s', (file, format) => {
    expect(detectFormat(fs.readFileSync(path.join(LIBRARIES, file), 'utf8'), file)).toBe(format);
  });
});

describe('detectFormat', () => {
  it('tells the formats apart by their content', () => {
    expect(detectFormat('\uFEFF [ {"SID": "X"} ]', 'a.json')).toBe('pytm');
    expect(detectFormat('{"summary": {}, "detail": {"diagrams": []}}', 'a.json')).toBe('threat-dragon');
    expect(detectFormat('<?xml version="1.0"?>\n<ThreatModel xmlns="urn:x"></ThreatModel>', 'a.tm7')).toBe('tmt');
    expect(detectFormat('{"otmVersion": "0.2.0", "project": {}}', 'a.json')).toBe('otm');
    expect(detectFormat('{"schema": 1, "threats": []}', 'a.tc.json')).toBe('threat-composer');
  });

  it('says clearly what it expected when the content is none of them', () => {
    expect(importFailure(() => detectFormat('{"openapi": "3.0.0"}', 'api.json'))).toMatch(
      /^api\.json: JSON, but neither a pytm threat list, a Threat Dragon model .*, an OTM file .* nor a Threat Composer export/,
    );
    expect(importFailure(() => detectFormat('<?xml version="1.0"?>\n<svg></svg>', 'a.xml'))).toMatch(
      /^a\.xml: XML with root <svg>, not a Microsoft Threat Modeling Tool template/,
    );
    expect(importFailure(() => detectFormat('title: threats', 'a.yaml'))).toMatch(/^a\.yaml: neither JSON nor XML/);
    expect(importFailure(() => detectFormat('', 'a.json'))).toBe('a.json: the file is empty');
  });

  it('reports broken JSON with its position', () => {
    expect(importFailure(() => detectFormat('[\n  {"SID": "A"},\n  {"SID": x}\n]', 'threats.json'))).toBe(
      "threats.json:3:11: Unexpected token 'x'",
    );
  });
});
