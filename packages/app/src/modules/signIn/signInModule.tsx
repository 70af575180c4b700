import { SignInPage } from '@backstage/core-components';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * The guest sign-in page, bundled with the app instead of loaded on demand.
 *
 * The app plugin's default sign-in page (`sign-in-page:app`) loads it with
 * `import('@backstage/core-components')`: a dynamic import of the whole
 * package, which the bundler cannot tree-shake. Every load, even a returning
 * user's whose session is restored without showing the page, then fetched
 * and ran a chunk of about 1 MiB (material-table, react-beautiful-dnd, the
 * date pickers) before it could ask for the session, and before any page of
 * the app could start loading its data. Importing `SignInPage` statically
 * keeps only what it uses, in the entry chunk.
 *
 * A module of the `app` plugin: its extension has the same id as the
 * default one, so it replaces it.
 */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props =>
          <SignInPage {...props} providers={['guest']} />,
      },
    }),
  ],
});
