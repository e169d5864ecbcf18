import type Resolver from '@forge/resolver';
import { exportThreatModelPart } from '../../app/interchange/export-threat-model-part';
import { interchangeAccess } from '../../app/interchange/interchange-access';
import { importThreatModel, previewImport } from '../../app/interchange/import-threat-model';
import { callClients } from '../call-clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

// The project page's "Import / export": the model as an OTM or Threat Composer file (in parts), and a
// file's threats and mitigations merged into the model (previewed first; written by model editors).
export function registerInterchangeResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'interchange/access', ({ context }) =>
    interchangeAccess(callClients(), projectKeyOf(context), context.accountId),
  );

  defineResolver(resolver, 'interchange/export', ({ payload, context }) =>
    exportThreatModelPart(callClients(), projectKeyOf(context), payload.format, payload.from),
  );

  defineResolver(resolver, 'interchange/preview-import', ({ payload, context }) =>
    previewImport(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'interchange/import', ({ payload, context }) =>
    importThreatModel(callClients(), projectKeyOf(context), context.accountId, payload),
  );
}
