import type Resolver from '@forge/resolver';
import { removeKnowledgeBase } from '../../app/knowledge-base/remove-knowledge-base';
import { restoreKnowledgeBase } from '../../app/knowledge-base/restore-knowledge-base';
import { saveKnowledgeBaseSettings } from '../../app/knowledge-base/save-knowledge-base-settings';
import { uploadKnowledgeBase } from '../../app/knowledge-base/upload-knowledge-base';
import { callClients } from '../call-clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

// Project settings, knowledge-base part: which are active and the default list, uploading one
// (or a new version of one), removing one and undoing that. Project administrators only.
export function registerKnowledgeBaseSettingsResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'knowledge-base/save-settings', ({ payload, context }) =>
    saveKnowledgeBaseSettings(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'knowledge-base/upload', ({ payload, context }) =>
    uploadKnowledgeBase(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'knowledge-base/remove', ({ payload, context }) =>
    removeKnowledgeBase(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'knowledge-base/restore', ({ payload, context }) =>
    restoreKnowledgeBase(callClients(), projectKeyOf(context), context.accountId, payload),
  );
}
