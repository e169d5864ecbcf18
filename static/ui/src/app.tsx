import { Loading } from './common/loading';
import { useModuleKey } from './hooks/use-module-key';
import { ProjectPage } from './project-page/project-page';
import { ProjectSettings } from './project-settings/project-settings';
import { StoryPanel } from './story-panel/story-panel';
import { UnknownModule } from './unknown-module';

// One bundle serves every module of the manifest's `ui` resource; the Forge context says which.
export function App() {
  const context = useModuleKey();
  if (context.loading) return <Loading label="Loading Without for Jira" />;

  switch (context.moduleKey) {
    case 'story-panel':
      return <StoryPanel />;
    case 'project-page':
      return <ProjectPage />;
    case 'project-settings':
      return <ProjectSettings />;
    default:
      return <UnknownModule moduleKey={context.moduleKey} />;
  }
}
