import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Whole-app and entity-page renders load extensions lazily; on a loaded
// 2-core CI machine they can take several seconds. Wait longer than the
// 1-second default before calling an element missing.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
