import path from 'node:path';
import { loadManifest } from '../../local/forge/manifest';
import { APP_ACCOUNT_ID, DEMO_USERS } from '../../local/site/base-data';
import { Router, type Route } from '../../local/site/router';
import { seedDemo } from '../../local/site/seed/demo';
import { startLocalSite, type LocalSite } from '../../local/site/server';
import { missingSpecFiles, specFor } from './jira-specs';
import { errorBodyProblem } from './openapi-spec';
import { ERROR_SCENARIOS, SUCCESS_SCENARIOS, type Scenario, type SiteFacts } from './scenarios';
import { authorization, call } from './site-client';

// The local Jira site against Jira's published OpenAPI files: every route it serves is a
// documented operation, and every answer has a documented status and shape.

const missing = missingSpecFiles();
if (missing.length > 0) console.warn(`Contract test skipped: missing ${missing.join(', ')}`);
const describeIfSpecs = missing.length === 0 ? describe : describe.skip;

const isJiraRoute = (route: Route) => !route.template.startsWith('/_local/');
const routeName = (route: Pick<Route, 'method' | 'template'>) => `${route.method} ${route.template}`;

describeIfSpecs('local Jira site: contract with the OpenAPI files', () => {
  let site: LocalSite;
  let facts: SiteFacts;
  let router: Router;

  beforeAll(async () => {
    // The site alone, populated as startLocalApp does (the app's custom field from
    // manifest.yml, the demo seed), without the Forge host: its triggers would answer our
    // writes with requests of their own while the scenarios run.
    const manifest = loadManifest(path.resolve(__dirname, '../..'));
    site = await startLocalSite({
      dataFile: ':memory:',
      app: { customFields: manifest.appFields, indexedProperties: manifest.indexedProperties },
    });
    seedDemo(site.store);
    facts = factsOf(site);
    router = new Router(site.routes);
  });

  afterAll(async () => {
    await site?.close();
  });

  /** The route a scenario's request reaches, matched as the site matches it. */
  const routeOf = (scenario: Scenario): Route | undefined => {
    const matched = router.match(scenario.method, new URL(scenario.path(facts), 'http://site').pathname);
    return typeof matched === 'string' ? undefined : matched.route;
  };

  it('serves only operations that the OpenAPI files document', () => {
    const undocumented = site.routes.filter(isJiraRoute).flatMap((route) => {
      const spec = specFor(route.template);
      if (!spec)
        return [`${routeName(route)}: no OpenAPI file covers this path (expected /rest/api/3/ or /rest/agile/1.0/)`];
      return spec.hasOperation(route.method, route.template)
        ? []
        : [`${routeName(route)}: not an operation of ${spec.id}`];
    });
    expect(undocumented).toEqual([]);
  });

  it('has a success scenario for every Jira route the site serves', () => {
    const unmatched = SUCCESS_SCENARIOS.filter((s) => !routeOf(s)).map(
      (s) => `${s.name}: ${s.method} ${s.path(facts)} reaches no route`,
    );
    const exercised = new Set(
      SUCCESS_SCENARIOS.map(routeOf)
        .filter((r): r is Route => r !== undefined)
        .map(routeName),
    );
    const withoutScenario = site.routes
      .filter(isJiraRoute)
      .map(routeName)
      .filter((name) => !exercised.has(name));
    expect({ unmatched, withoutScenario }).toEqual({ unmatched: [], withoutScenario: [] });
  });

  describe('success answers have the documented status and shape', () => {
    it.each(SUCCESS_SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
      const { route, status, body } = await run(scenario);
      expectChecked(route, status, body, { strictStatus: false });
    });
  });

  describe('error answers have a documented status and Jira error body', () => {
    it.each(ERROR_SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
      const { route, status, body } = await run(scenario);
      expectChecked(route, status, body, { strictStatus: true });
      const problem = body === undefined ? 'no body' : errorBodyProblem(body);
      if (problem) throw new Error(`${routeName(route)} -> ${status}: not Jira's error collection:\n${problem}`);
    });
  });

  async function run(scenario: Scenario): Promise<{ route: Route; status: number; body: unknown }> {
    const route = routeOf(scenario);
    if (!route) throw new Error(`${scenario.method} ${scenario.path(facts)} reaches no route of the site`);
    const answer = await call(
      site,
      authorization(site, scenario.as, facts.appAccountId),
      scenario.method,
      scenario.path(facts),
      scenario.body?.(facts),
    );
    if (answer.status !== scenario.status) {
      throw new Error(
        `${routeName(route)} as ${scenario.as}: expected ${scenario.status}, got ${answer.status}: ${JSON.stringify(answer.body)}`,
      );
    }
    return { route, status: answer.status, body: answer.body };
  }
});

/** Fails with the route, the status and every schema error when the answer breaks the contract. */
function expectChecked(route: Route, status: number, body: unknown, options: { strictStatus: boolean }): void {
  const spec = specFor(route.template);
  if (!spec) throw new Error(`${routeName(route)}: no OpenAPI file covers this path`);
  const check = spec.checkResponse(route.method, route.template, status, body);
  if (!check.ok) throw new Error(check.message);
  // Error scenarios are the cases the app handles: their status must be listed, not merely generic.
  if (options.strictStatus && check.note) throw new Error(check.note);
}

function factsOf(site: LocalSite): SiteFacts {
  const { store } = site;
  const project = store.all('project').find((p) => p.key === 'PAY');
  const board = store.all('board').find((b) => b.projectId === project?.id);
  const sprint = (state: string) => store.all('sprint').find((s) => s.boardId === board?.id && s.state === state)?.id;
  const field = store.all('customField').find((f) => f.moduleKey === 'without-clauses');
  const ofType = (name: string) => {
    const type = store.all('issueType').find((t) => t.name === name);
    return store
      .all('issue')
      .filter((i) => i.projectId === project?.id && i.issueTypeId === type?.id)
      .sort((a, b) => a.id - b.id)[0];
  };
  const story = ofType('Story');
  const task = ofType('Task') ?? ofType('Bug');
  const bob = DEMO_USERS.find((u) => u.email === 'bob@example.com');
  const active = sprint('active');
  const future = sprint('future');
  const level = store.all('securityLevel').find((l) => l.projectId === project?.id);
  if (
    !project ||
    !board ||
    !field ||
    !story ||
    !task ||
    !bob ||
    !level ||
    active === undefined ||
    future === undefined
  ) {
    throw new Error(
      'The demo seed no longer has what the contract scenarios need (PAY, its board, an active and a future sprint, a story, a task, the app field, its security level).',
    );
  }
  return {
    projectKey: project.key,
    projectId: project.id,
    boardId: board.id,
    sprints: { active, future },
    fieldId: field.id,
    story: { id: String(story.id), key: story.key },
    task: { id: String(task.id), key: task.key },
    appAccountId: APP_ACCOUNT_ID,
    bobAccountId: bob.accountId,
    securityLevelId: level.id,
  };
}
