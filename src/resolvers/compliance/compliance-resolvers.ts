import type Resolver from '@forge/resolver';
import { complianceView } from '../../app/compliance/compliance-view';
import { callClients } from '../call-clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

// The Compliance tab: the project's ASVS coverage at a standard and level, for anyone who may browse it.
export function registerComplianceResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'compliance/get', ({ payload, context }) =>
    complianceView(callClients(), projectKeyOf(context), payload),
  );
}
