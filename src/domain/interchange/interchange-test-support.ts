import fs from 'fs';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { sharedFile } from '../knowledge-base/importers/importer-test-support';
import { emptyThreatModel, type ThreatModel } from '../threat-model/threat-model';

export const OTM_EXAMPLE = sharedFile('open-threat-model/EXAMPLE.json', 'OTM round trip');
export const OTM_SCHEMA = sharedFile('open-threat-model/otm_schema.json', 'OTM schema');
export const TC_EXAMPLE = sharedFile('threat-composer/ThreatComposer.tc.json', 'Threat Composer round trip');
export const TC_SCHEMA = sharedFile('threat-composer/threat-composer-v1.schema.json', 'Threat Composer schema');

/** Validates against a JSON schema of ../shared with ajv; the errors, or an empty list. */
export function schemaErrors(schemaFile: string, value: unknown): string[] {
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { $schema?: string };
  const ajv = schema.$schema?.includes('2020-12')
    ? new Ajv2020({ strict: false, allErrors: true })
    : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

export const ACTOR = { accountId: 'acc-alice', now: '2026-12-01T10:00:00.000Z' };
export const LATER = { accountId: 'acc-bob', now: '2026-12-02T10:00:00.000Z' };

/** The model's content without stamps, ids counters or revisions: what "the same model" means across projects. */
export const contentOf = (model: ThreatModel) => ({
  threats: model.threats.map(({ title, description, stride, probability, impact, component, state }) => ({
    title,
    description,
    stride,
    probability,
    impact,
    component,
    state,
  })),
  mitigations: model.mitigations.map(
    ({ title, implementation, verification, controlType, status, rejectionReason, addresses }) => ({
      title,
      implementation,
      verification,
      controlType,
      status,
      rejectionReason,
      addresses,
    }),
  ),
});

export const emptyModel = (): ThreatModel => emptyThreatModel();
