import { lazy, Suspense } from 'react';
import { Loading } from './common/loading';
import { useModuleKey } from './common/use-module-key';
import { StoryContext } from './story/story-context';
import { StoryPanel } from './story/story-panel';
import { UnknownModule } from './unknown-module';

// The project modules bring the table, tabs and dialogs; loading them on demand keeps the
// bundle an issue panel downloads small. The custom field, drawn in every issue's sidebar,
// loads its editor on demand too.
const ProjectPage = lazy(() =>
  import('./project-page/project-page').then((module) => ({ default: module.ProjectPage })),
);
const ClausesField = lazy(() =>
  import('./story/field/clauses-field').then((module) => ({ default: module.ClausesField })),
);
const SprintAction = lazy(() => import('./sprint/sprint-action').then((module) => ({ default: module.SprintAction })));
const ProjectSettings = lazy(() =>
  import('./settings/project-settings').then((module) => ({ default: module.ProjectSettings })),
);

// One bundle serves every module of the manifest's `ui` resource; the Forge context says which.
export function App() {
  const context = useModuleKey();
  if (context.loading) return <Loading label="Loading Without for Jira" />;

  switch (context.moduleKey) {
    case 'story-panel':
      return <StoryPanel />;
    case 'story-context':
      return <StoryContext />;
    case 'project-page':
      return (
        <Suspense fallback={<Loading label="Loading Without for Jira" />}>
          <ProjectPage />
        </Suspense>
      );
    case 'project-settings':
      return (
        <Suspense fallback={<Loading label="Loading Without for Jira" />}>
          <ProjectSettings />
        </Suspense>
      );
    case 'sprint-security':
      return (
        <Suspense fallback={<Loading label="Loading Without for Jira" />}>
          <SprintAction />
        </Suspense>
      );
    case 'without-clauses':
      return (
        <Suspense fallback={<Loading label="Loading Without for Jira" />}>
          <ClausesField />
        </Suspense>
      );
    default:
      return <UnknownModule moduleKey={context.moduleKey} />;
  }
}
