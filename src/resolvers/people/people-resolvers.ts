import type Resolver from '@forge/resolver';
import { PeopleNamesQuery } from '../../domain/resolver-contract';
import { displayNames } from '../../jira/people/people-repository';
import { userClient } from '../../jira/client/clients';
import { defineResolver } from '../define-resolver';

// The names of people the app stored by account id (who answered a STRIDE question), looked
// up as the caller when a view shows them.
export function registerPeopleResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'people/names', PeopleNamesQuery, ({ payload }) =>
    displayNames(userClient(), payload.accountIds),
  );
}
