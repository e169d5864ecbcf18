import type { Handler } from './http';

export interface Route {
  method: string;
  /** The path template exactly as written in the OpenAPI file, e.g. /rest/api/3/issue/{issueIdOrKey}. */
  template: string;
  /** Answers without authentication (serverInfo, as on Jira Cloud). */
  anonymous?: boolean;
  handler: Handler;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

const compile = (route: Route): CompiledRoute => {
  const names: string[] = [];
  const source = route.template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { ...route, pattern: new RegExp(`^${source}$`), names };
};

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map(compile);
  }

  list(): Route[] {
    return this.routes.map(({ method, template, anonymous, handler }) => ({ method, template, anonymous, handler }));
  }

  /** The route for a request, or why there is none (404 unknown path, 405 wrong method). */
  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | 'not-found' | 'method-not-allowed' {
    let pathKnown = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? '')));
      return { route, params };
    }
    return pathKnown ? 'method-not-allowed' : 'not-found';
  }
}
