import type { z } from 'zod';
import { auditEndpoints } from './audit';
import { interchangeEndpoints } from './interchange';
import { complianceEndpoints } from './compliance';
import { knowledgeBaseEndpoints } from './knowledge-base';
import { mitigationEndpoints } from './mitigation';
import { monitoringEndpoints } from './monitoring';
import { peopleEndpoints } from './people';
import { reportEndpoints } from './report';
import { settingsEndpoints } from './settings';
import { sprintEndpoints } from './sprint';
import { storyEndpoints } from './story';
import { threatModelEndpoints } from './threat-model';
import { verificationEndpoints } from './verification';

// The one contract between the Custom UI and the resolvers, one file per capability: every
// key, the schema its payload is parsed with, and what it answers (inside the envelope of
// src/domain/common/envelope.ts). Resolvers are defined by key (src/resolvers/define-resolver.ts),
// so a resolver cannot take another payload or answer another type than the UI expects.

export const RESOLVER_CONTRACT = {
  ...storyEndpoints,
  ...threatModelEndpoints,
  ...settingsEndpoints,
  ...mitigationEndpoints,
  ...sprintEndpoints,
  ...auditEndpoints,
  ...knowledgeBaseEndpoints,
  ...monitoringEndpoints,
  ...peopleEndpoints,
  ...interchangeEndpoints,
  ...verificationEndpoints,
  ...complianceEndpoints,
  ...reportEndpoints,
};

type Contract = typeof RESOLVER_CONTRACT;
export type ResolverKey = keyof Contract;
/** The payload schema of a key. */
export type PayloadSchemaOf<K extends ResolverKey> = Contract[K]['payload'];
/** What the UI sends (defaults may be left out). */
export type PayloadOf<K extends ResolverKey> = z.input<PayloadSchemaOf<K>>;
/** What the resolver receives, parsed. */
export type ParsedPayloadOf<K extends ResolverKey> = z.output<PayloadSchemaOf<K>>;
export type AnswerOf<K extends ResolverKey> = Contract[K]['answer'];

export * from './audit';
export * from './interchange';
export * from './compliance';
export * from './knowledge-base';
export * from './mitigation';
export * from './monitoring';
export * from './people';
export * from './report';
export * from './settings';
export * from './sprint';
export * from './story';
export * from './threat-model';
export * from './verification';
