import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// findBy*/waitFor give up after 1 s by default. The full suite runs the integration servers and
// Chromium beside these tests on two cores, where a render after a mocked fetch has been seen to
// take longer than that; wait up to 5 s (the assertions themselves are unchanged).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
