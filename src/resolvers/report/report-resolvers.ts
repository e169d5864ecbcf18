import type Resolver from '@forge/resolver';
import { threatModelReport } from '../../app/report/threat-model-report';
import { callClients } from '../call-clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

// The threat-model report for auditors, as Markdown or HTML, for anyone who may browse the project.
export function registerReportResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'report/get', ({ payload, context }) =>
    threatModelReport(callClients(), projectKeyOf(context), {
      format: payload.format,
      standard: payload.standard,
      level: payload.level,
      ...(payload.part ? { part: payload.part } : {}),
      now: new Date().toISOString(),
    }),
  );
}
