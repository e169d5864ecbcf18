import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { LocalCustomField } from '../site/model';
import type { IndexedPropertyValue } from '../site/jql/compile-jql';

// The parts of manifest.yml the local host needs. Forge's own validator checks the whole
// file in a test; this only reads what it uses, and fails loudly if that is missing.
const UiModule = z.looseObject({
  key: z.string(),
  resource: z.string(),
  resolver: z.object({ function: z.string() }).optional(),
  title: z.string().optional(),
});
const FieldEntry = z.looseObject({ resource: z.string().optional() });
const CustomFieldModule = z.looseObject({
  key: z.string(),
  name: z.string(),
  description: z.string().default(''),
  type: z.enum(['object', 'string', 'number', 'user', 'group', 'date', 'datetime']),
  schema: z.record(z.string(), z.unknown()).optional(),
  view: FieldEntry.optional(),
  edit: FieldEntry.optional(),
});
const EntityPropertyModule = z.looseObject({
  key: z.string(),
  propertyKey: z.string(),
  entityType: z.enum(['issue', 'project', 'user']).default('issue'),
  values: z.array(
    z.object({
      path: z.string(),
      type: z.enum(['number', 'string', 'text', 'user', 'date']),
      searchAlias: z.string().optional(),
    }),
  ),
});
const TriggerModule = z.looseObject({ key: z.string(), function: z.string(), events: z.array(z.string()) });
const ScheduledTriggerModule = z.looseObject({ key: z.string(), function: z.string(), interval: z.string() });
// A consumer names a function (@forge/events 2+), which Forge calls with an AsyncEvent. The
// `resolver: { function, method }` shape was @forge/events 1.x's; the app pushes with 3.x, whose
// events such a consumer cannot read, so it is refused here rather than half-run.
// https://developer.atlassian.com/platform/forge/manifest-reference/modules/consumer
const ConsumerModule = z.looseObject({
  key: z.string(),
  queue: z.string(),
  function: z.string({
    error: 'a consumer names its function (`function: <key>`); see the consumer module reference',
  }),
  resolver: z
    .never({
      error:
        'the consumer `resolver: { function, method }` shape is @forge/events 1.x; since 2.0 a consumer is `function: <key>` (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade)',
    })
    .optional(),
});
// `timeoutSeconds` lets a function only referenced by consumer or scheduled trigger modules run
// longer than the default 55 s, up to 900 s (see limits.ts).
// https://developer.atlassian.com/platform/forge/manifest-reference/modules/scheduled-trigger/
const FunctionModule = z.looseObject({
  key: z.string(),
  handler: z.string(),
  timeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(900, { error: 'timeoutSeconds may be at most 900 (15 minutes)' })
    .optional(),
});

const Manifest = z.object({
  app: z.looseObject({ id: z.string(), runtime: z.object({ name: z.string() }) }),
  permissions: z.looseObject({ scopes: z.array(z.string()).default([]) }).default({ scopes: [] }),
  resources: z.array(z.object({ key: z.string(), path: z.string() })),
  modules: z.looseObject({
    function: z.array(FunctionModule),
    'jira:issuePanel': z.array(UiModule).default([]),
    'jira:projectPage': z.array(UiModule).default([]),
    'jira:projectSettingsPage': z.array(UiModule).default([]),
    'jira:sprintAction': z.array(UiModule).default([]),
    'jira:issueContext': z.array(UiModule).default([]),
    'jira:customField': z.array(CustomFieldModule).default([]),
    'jira:entityProperty': z.array(EntityPropertyModule).default([]),
    trigger: z.array(TriggerModule).default([]),
    scheduledTrigger: z.array(ScheduledTriggerModule).default([]),
    consumer: z.array(ConsumerModule).default([]),
  }),
});
export type Manifest = z.infer<typeof Manifest>;
export type UiModule = z.infer<typeof UiModule> & { type: UiModuleType };
export type UiModuleType =
  'jira:issuePanel' | 'jira:issueContext' | 'jira:projectPage' | 'jira:projectSettingsPage' | 'jira:sprintAction';

/** A custom field whose view or edit the app renders with its own Custom UI. */
export interface FieldModule {
  key: string;
  name: string;
  viewResource?: string;
  editResource?: string;
}

export interface LoadedManifest {
  root: string;
  manifest: Manifest;
  uiModules: UiModule[];
  fieldModules: FieldModule[];
  appFields: Array<Omit<LocalCustomField, 'id' | 'numericId'>>;
  indexedProperties: IndexedPropertyValue[];
  resourcePath(key: string): string;
  /** The file and export a function module's handler names (`index.resolver` -> src/index.ts, resolver). */
  handlerOf(functionKey: string): { file: string; exportName: string };
}

export function loadManifest(root: string): LoadedManifest {
  const manifest = Manifest.parse(parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8')));
  const functionKeys = new Set(manifest.modules.function.map((f) => f.key));
  for (const consumer of manifest.modules.consumer)
    if (!functionKeys.has(consumer.function))
      throw new Error(`manifest.yml: consumer '${consumer.key}' names no function module '${consumer.function}'`);
  const types: UiModuleType[] = [
    'jira:issuePanel',
    'jira:issueContext',
    'jira:projectPage',
    'jira:projectSettingsPage',
    'jira:sprintAction',
  ];
  return {
    root,
    manifest,
    uiModules: types.flatMap((type) => manifest.modules[type].map((m) => ({ ...m, type }))),
    fieldModules: manifest.modules['jira:customField']
      .filter((f) => f.view?.resource || f.edit?.resource)
      .map((f) => ({
        key: f.key,
        name: f.name,
        ...(f.view?.resource ? { viewResource: f.view.resource } : {}),
        ...(f.edit?.resource ? { editResource: f.edit.resource } : {}),
      })),
    appFields: manifest.modules['jira:customField'].map((f) => ({
      moduleKey: f.key,
      name: f.name,
      description: f.description,
      type: f.type,
      ...(f.schema ? { schema: f.schema } : {}),
    })),
    indexedProperties: manifest.modules['jira:entityProperty']
      .filter((m) => m.entityType === 'issue')
      .flatMap((m) => m.values.map((v) => ({ propertyKey: m.propertyKey, ...v }))),
    resourcePath: (key) => {
      const resource = manifest.resources.find((r) => r.key === key);
      if (!resource) throw new Error(`manifest.yml has no resource '${key}'`);
      return path.join(root, resource.path);
    },
    handlerOf: (functionKey) => {
      const fn = manifest.modules.function.find((f) => f.key === functionKey);
      if (!fn) throw new Error(`manifest.yml has no function '${functionKey}'`);
      const [file, exportName] = fn.handler.split('.');
      return { file: path.join(root, 'src', `${file}.ts`), exportName: exportName ?? 'handler' };
    },
  };
}
