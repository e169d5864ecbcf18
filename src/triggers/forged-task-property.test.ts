import { startLocalApp, type LocalApp } from '../../local/local-app';
import { runAs } from '../../local/forge/runtime';
import { ACCOUNT } from '../../test/support/forge-invocation';
import { siteClient } from '../../test/support/jira-clients';
import { restAs } from '../../test/support/local-site';
import { addSecondProject, restAsDave, type SecondProject } from '../../test/support/second-project';
import type { Envelope } from '../domain/common/envelope';
import type { SprintPlanView } from '../contract';
import type { TaskProperty } from '../domain/mitigation/task-property';
import { auditJiraProject } from '../jira/audit/project-audit';
import { RISK_HISTORY_KEY } from '../jira/threat-model/risk-history-repository';
import { readThreatModel } from '../jira/threat-model/threat-model-repository';
import { resolver } from '../index';

// Anyone who may edit an issue may write its `without.task` property. A forged one must not
// let the task-status trigger (acting as the app) change any threat model or risk history:
// not for PAY's own model, not for another project's (SEC, with a copy of PAY's model), not
// when an administrator wrote it, whatever the property names. Each cell forges a property,
// moves the issue to Done and back, and checks that SEC's and PAY's stored models and risk
// histories are byte for byte what they were, and that the app wrote nothing at all.

type Who = 'alice' | 'bob' | 'dave';
type ProjectKey = 'PAY' | 'SEC';
type Rest = ReturnType<typeof restAs>;

/** The real tasks' properties, read from the site once SEC's task exists. */
interface RealTasks {
  /** PAY-22's: M-3's task in PAY. */
  pay: TaskProperty;
  /** The task "Create task" made for SEC's M-4. */
  sec: TaskProperty;
}

interface Variant {
  name: string;
  property: (target: ProjectKey, real: RealTasks) => TaskProperty;
  /** The audit of the issue's project reports it as this kind. */
  finding: 'task-unrecorded' | 'orphan-task';
}

const task = (mitigationId: string, threatIds: string[], projectKey: string): TaskProperty => ({
  v: 1,
  mitigationId,
  threatIds,
  projectKey,
});

const VARIANTS: Variant[] = [
  {
    name: 'a mitigation whose recorded task is another issue of the project',
    // PAY's M-3 records PAY-22; SEC's M-4 records the task its "Create task" made.
    property: (target) => (target === 'PAY' ? task('M-3', ['T-2'], 'PAY') : task('M-4', ['T-3'], 'SEC')),
    finding: 'task-unrecorded',
  },
  {
    name: 'a mitigation with no task',
    property: (target) => (target === 'PAY' ? task('M-4', ['T-3'], 'PAY') : task('M-1', ['T-4'], 'SEC')),
    finding: 'task-unrecorded',
  },
  {
    name: 'a mitigation the model does not have',
    property: (target) => task('M-404', ['T-1'], target),
    // The audit's existing kind for a property of the project naming an unknown mitigation.
    finding: 'orphan-task',
  },
  {
    // On PAY, the property of the report: a PAY issue claiming SEC's M-4.
    name: 'names the other project',
    property: (target) => (target === 'PAY' ? task('M-4', ['T-1'], 'SEC') : task('M-3', ['T-2'], 'PAY')),
    finding: 'task-unrecorded',
  },
  {
    name: 'its own project and a mitigation recorded in the other project',
    // The other project's real task property pointed at this project: SEC's copied model
    // records PAY-22 (a PAY issue) as M-3's task; PAY's M-4 has no task, SEC's has one.
    property: (target, real) => ({ ...(target === 'PAY' ? real.sec : real.pay), projectKey: target }),
    finding: 'task-unrecorded',
  },
  {
    name: 'a real task’s property of the project, copied onto another issue',
    property: (target, real) => (target === 'PAY' ? real.pay : real.sec),
    finding: 'task-unrecorded',
  },
  {
    name: 'a real task’s property of the other project, copied onto another issue',
    property: (target, real) => (target === 'PAY' ? real.sec : real.pay),
    finding: 'task-unrecorded',
  },
];

// bob develops in both projects; alice administers both (an administrator's property is no
// more evidence than anyone's); dave develops in PAY and cannot see SEC (the reported case).
const PEOPLE: Array<{ who: Who; projects: ProjectKey[] }> = [
  { who: 'bob', projects: ['PAY', 'SEC'] },
  { who: 'alice', projects: ['PAY', 'SEC'] },
  { who: 'dave', projects: ['PAY'] },
];

const CELLS = PEOPLE.flatMap(({ who, projects }) =>
  projects.flatMap((target) =>
    VARIANTS.map((variant) => [`${who} forges on ${target}: ${variant.name}`, { who, target, variant }] as const),
  ),
);

const TRANSITIONS = [
  { name: 'moved to Done', id: '41' },
  { name: 'moved back to In Progress', id: '21' },
];

/** A read made with POST: not a write. */
const isRead = (r: { method: string; path: string }) =>
  r.method === 'GET' || (r.method === 'POST' && r.path === '/rest/api/3/search/jql');

describe('a forged without.task property changes nothing', () => {
  let app: LocalApp;
  let sec: SecondProject;
  let real: RealTasks;
  let secTaskKey: string;
  /** One fresh issue per project and variant, created by bob; the cells write its property. */
  const targets = new Map<string, { id: string; key: string }>();
  const errors: unknown[][] = [];

  const person = (who: Who | 'carol'): Rest => (who === 'dave' ? restAsDave(app.site) : restAs(app.site, who));
  const invoke = <T>(who: 'alice' | 'bob', functionKey: string, payload: unknown, extension: Record<string, unknown>) =>
    runAs({ accountId: ACCOUNT[who], moduleKey: 'test' }, () =>
      resolver(
        { call: { functionKey, payload }, context: { accountId: ACCOUNT[who], moduleKey: 'test', extension } } as never,
        { principal: { accountId: ACCOUNT[who] } } as never,
      ),
    ) as Promise<Envelope<T>>;
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 20));
    await app.host.idle();
  };

  /** The stored models and risk histories of both projects, as raw answers, read as alice. */
  const stored = async (): Promise<Map<string, string>> => {
    const authorization = `Basic ${Buffer.from('alice@example.com:local-token').toString('base64')}`;
    const raw = async (path: string) => {
      const response = await fetch(`${app.site.url}${path}`, {
        headers: { Authorization: authorization, Accept: 'application/json' },
      });
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
      return response.text();
    };
    const entries = await Promise.all(
      (['PAY', 'SEC'] as const).map(async (project) => {
        const { keys } = JSON.parse(await raw(`/rest/api/3/project/${project}/properties`)) as {
          keys: Array<{ key: string }>;
        };
        const watched = keys
          .map((k) => k.key)
          .filter((key) => key.startsWith('without.model') || key === RISK_HISTORY_KEY);
        return Promise.all(
          watched.map(
            async (key) =>
              [
                `${project} ${key}`,
                await raw(`/rest/api/3/project/${project}/properties/${encodeURIComponent(key)}`),
              ] as const,
          ),
        );
      }),
    );
    return new Map(entries.flat());
  };
  const changedKeys = (before: Map<string, string>, after: Map<string, string>) =>
    [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key)).sort();

  /** Moves the issue as `as`, lets the trigger run, and says what followed. */
  const move = async (as: Rest, issue: { id: string; key: string }, transitionId: string) => {
    const before = await stored();
    const mark = app.site.log.mark();
    const errorsBefore = errors.length;
    const moved = await as('POST', `/rest/api/3/issue/${issue.key}/transitions`, { transition: { id: transitionId } });
    if (moved.status !== 204) throw new Error(`Moving ${issue.key} answered ${moved.status}`);
    await settle();
    const byApp = app.site.log.since(mark).filter((r) => r.principal === 'app');
    return {
      // The trigger ran (it read the issue as the app) and did not fail: a dead trigger passes nothing.
      triggerReadIssue: byApp.some((r) => r.method === 'GET' && r.path === `/rest/api/3/issue/${issue.id}`),
      triggerErrors: errors.slice(errorsBefore).map((args) => args.map(String).join(' ')),
      appWrites: byApp.filter((r) => !isRead(r)).map((r) => `${r.method} ${r.path}`),
      changed: changedKeys(before, await stored()),
    };
  };

  beforeAll(async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
    app = await startLocalApp({ dataFile: ':memory:', seed: 'demo' });
    sec = addSecondProject(app.site);
    // SEC gets a real task of its own, made the way people make one: "Create task" on its M-4.
    const created = await invoke<{ task?: { key: string } }>(
      'alice',
      'mitigation/create-task',
      { mitigationId: 'M-4' },
      { type: 'jira:projectPage', project: { id: String(sec.project.id), key: 'SEC' } },
    );
    if (!created.ok || !created.data.task) throw new Error(`Create task in SEC failed: ${JSON.stringify(created)}`);
    secTaskKey = created.data.task.key;
    const alice = restAs(app.site, 'alice');
    const property = async (key: string) =>
      (await alice('GET', `/rest/api/3/issue/${key}/properties/without.task`)).body?.value as TaskProperty;
    real = { pay: await property('PAY-22'), sec: await property(secTaskKey) };
    const bob = restAs(app.site, 'bob');
    for (const project of ['PAY', 'SEC'] as const) {
      for (const [index, variant] of VARIANTS.entries()) {
        const made = await bob('POST', '/rest/api/3/issue', {
          fields: {
            project: { key: project },
            issuetype: { name: 'Task' },
            summary: `Tidy the logs, part ${index + 1}`,
          },
        });
        if (made.status !== 201) throw new Error(`Creating a ${project} issue answered ${made.status}`);
        targets.set(`${project} ${variant.name}`, { id: String(made.body?.id), key: String(made.body?.key) });
      }
    }
    await settle();
  });
  afterAll(async () => {
    await app.close();
    jest.restoreAllMocks();
  });

  it('starts from the site it means to: SEC has PAY’s model, its own M-4 task, and the people as described', async () => {
    expect(sec.copiedKeys).toEqual(expect.arrayContaining(['without.model', 'without.model.shard.0']));
    const secModel = (await readThreatModel(siteClient(app.site), 'SEC')).model;
    expect(secModel.mitigations.map((m) => [m.id, m.task?.key ?? null])).toEqual([
      ['M-1', null],
      ['M-2', 'PAY-21'],
      ['M-3', 'PAY-22'],
      ['M-4', secTaskKey],
      ['M-5', null],
    ]);
    expect(real.pay).toMatchObject({ mitigationId: 'M-3', projectKey: 'PAY' });
    expect(real.sec).toMatchObject({ mitigationId: 'M-4', projectKey: 'SEC', claim: expect.any(String) });
    // carol cannot see SEC at all; dave cannot see it, nor write on its issues.
    expect((await person('carol')('GET', `/rest/api/3/issue/${secTaskKey}`)).status).toBe(404);
    expect((await person('carol')('GET', '/rest/api/3/project/SEC/properties/without.model')).status).toBe(404);
    expect(
      (
        await person('dave')(
          'PUT',
          `/rest/api/3/issue/${secTaskKey}/properties/without.task`,
          task('M-4', ['T-3'], 'SEC'),
        )
      ).status,
    ).toBe(404);
    expect((await person('dave')('GET', '/rest/api/3/issue/PAY-1?fields=summary')).status).toBe(200);
    // bob works in SEC but is no model editor there.
    const editors = await restAs(app.site, 'alice')('GET', '/rest/api/3/project/SEC/role/10004');
    expect(editors.body?.actors).toEqual([]);
  });

  it('follows a real task: PAY-22 done makes M-3 implemented, reopened makes it accepted again (the trigger is alive)', async () => {
    const bob = restAs(app.site, 'bob');
    const pay22 = { id: String(app.site.store.issueByKey('PAY-22')!.id), key: 'PAY-22' };
    const m3 = async () =>
      (await readThreatModel(siteClient(app.site), 'PAY')).model.mitigations.find((m) => m.id === 'M-3');
    const done = await move(bob, pay22, '41');
    expect(done).toMatchObject({ triggerReadIssue: true, triggerErrors: [] });
    expect(done.appWrites.length).toBeGreaterThan(0);
    // PAY's model and today's risk point; never SEC, although its copied model names PAY-22 too.
    expect(done.changed).toEqual(
      expect.arrayContaining(['PAY without.risk-history', expect.stringMatching(/^PAY without\.model\.shard\.\d+$/)]),
    );
    expect(done.changed.filter((key) => !key.startsWith('PAY '))).toEqual([]);
    expect(await m3()).toMatchObject({ status: 'implemented', task: { key: 'PAY-22' } });
    const reopened = await move(bob, pay22, '11');
    expect(reopened.changed).toEqual(
      expect.arrayContaining([expect.stringMatching(/^PAY without\.model\.shard\.\d+$/)]),
    );
    expect(await m3()).toMatchObject({ status: 'accepted', task: { key: 'PAY-22' } });
  });

  it('keeps a story with a forged property a story in the sprint view, and its mitigation where it was', async () => {
    const bob = restAs(app.site, 'bob');
    const plan = async () => {
      const answer = await invoke<SprintPlanView>(
        'bob',
        'sprint/get',
        {},
        { type: 'jira:sprintAction', sprint: { id: 2 }, board: { id: 1 }, project: { id: '10000', key: 'PAY' } },
      );
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data;
    };
    const before = await plan();
    expect(before.stories.map((s) => s.issueKey)).toContain('PAY-1');
    // PAY-1 is a story of the active sprint (2); the property is PAY-22's, M-3's real task.
    expect((await bob('PUT', '/rest/api/3/issue/PAY-1/properties/without.task', real.pay)).status).toBe(201);
    const after = await plan().finally(() => bob('DELETE', '/rest/api/3/issue/PAY-1/properties/without.task'));
    expect(after.stories.map((s) => s.issueKey)).toEqual(before.stories.map((s) => s.issueKey));
    // M-3's task is still PAY-22 in the backlog, not PAY-1 in this sprint.
    expect(after.mitigations.find((m) => m.id === 'M-3')).toEqual(before.mitigations.find((m) => m.id === 'M-3'));
    expect(after.mitigations.find((m) => m.id === 'M-3')).toMatchObject({ place: 'backlog' });
  });

  describe.each(CELLS)('%s', (_name, { who, target, variant }) => {
    it('changes no model, no risk history, and makes the app write nothing', async () => {
      const issue = targets.get(`${target} ${variant.name}`)!;
      const as = person(who);
      const wrote = await as(
        'PUT',
        `/rest/api/3/issue/${issue.key}/properties/without.task`,
        variant.property(target, real),
      );
      expect([200, 201]).toContain(wrote.status);
      for (const transition of TRANSITIONS) {
        const outcome = await move(as, issue, transition.id);
        expect({ transition: transition.name, ...outcome }).toEqual({
          transition: transition.name,
          triggerReadIssue: true,
          triggerErrors: [],
          appWrites: [],
          changed: [],
        });
      }
    });
  });

  it('reports every forged issue in its project’s audit, as a suspicious task (or an orphan, for an unknown mitigation)', async () => {
    const now = new Date().toISOString();
    for (const project of ['PAY', 'SEC'] as const) {
      const result = await auditJiraProject(siteClient(app.site), project, { now });
      const kindsOf = (key: string) =>
        result.findings.filter((f) => f.entities.taskKeys?.includes(key)).map((f) => f.kind);
      const reported = VARIANTS.map((variant) => [
        variant.name,
        kindsOf(targets.get(`${project} ${variant.name}`)!.key),
      ]);
      expect(reported).toEqual(VARIANTS.map((variant) => [variant.name, [variant.finding]]));
      // The real tasks are not suspicious.
      const realTask = project === 'PAY' ? 'PAY-22' : secTaskKey;
      expect(kindsOf(realTask)).not.toContain('task-unrecorded');
    }
  });
});
