import fs from 'node:fs';
import path from 'node:path';
import { OpenApiSpec } from './openapi-spec';

// Jira's two published OpenAPI files, read where they stand beside the project (../shared),
// and which one documents a given path.

const SHARED = path.resolve(__dirname, '../../../shared/jira-openapi');

export const SPEC_FILES = {
  platform: path.join(SHARED, 'jira-platform-v3.json'),
  agile: path.join(SHARED, 'jira-software-agile.json'),
} as const;

const PREFIXES: Array<{ prefix: string; spec: keyof typeof SPEC_FILES }> = [
  { prefix: '/rest/api/3/', spec: 'platform' },
  { prefix: '/rest/agile/1.0/', spec: 'agile' },
];

/** The spec files that are not there (a clone outside the usual setup). */
export const missingSpecFiles = (): string[] => Object.values(SPEC_FILES).filter((file) => !fs.existsSync(file));

/** The spec that documents this path template, or undefined when the path belongs to neither. */
export function specFor(template: string): OpenApiSpec | undefined {
  const match = PREFIXES.find((p) => template.startsWith(p.prefix));
  return match ? OpenApiSpec.load(SPEC_FILES[match.spec]) : undefined;
}
