import type Resolver from '@forge/resolver';
import { peopleNames } from '../../app/people/people-names';
import { callClients } from '../call-clients';
import { defineResolver } from '../define-resolver';

export function registerPeopleResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'people/names', ({ payload }) => peopleNames(callClients(), payload));
}
