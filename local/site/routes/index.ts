import type { Faults } from '../faults';
import type { IndexedPropertyValue } from '../jql/compile-jql';
import type { Route } from '../router';
import type { SearchIndex } from '../search-index';
import { agileRoutes } from './agile';
import { appFieldRoutes } from './app-fields';
import { issueRoutes } from './issues';
import { linkRoutes } from './links';
import { localAdminRoutes } from './local-admin';
import { projectRoutes } from './projects';
import { roleAndGroupRoutes } from './roles-and-groups';
import { searchRoutes } from './search';
import { securityLevelRoutes } from './security-levels';
import { systemRoutes } from './system';

export const allRoutes = (options: {
  indexedProperties: IndexedPropertyValue[];
  faults: Faults;
  searchIndex: SearchIndex;
}): Route[] => [
  ...systemRoutes,
  // Fixed paths before templated ones: /project/search must not be read as a project key.
  ...projectRoutes.filter((r) => r.template.endsWith('/search')),
  ...projectRoutes.filter((r) => !r.template.endsWith('/search')),
  ...securityLevelRoutes,
  ...roleAndGroupRoutes,
  ...issueRoutes,
  ...linkRoutes,
  ...searchRoutes(options),
  ...appFieldRoutes,
  ...agileRoutes,
  ...localAdminRoutes(options.faults),
];
