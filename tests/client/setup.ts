import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

// findBy*/waitFor give up after 1 s by default. The full suite runs the integration servers and
// Chromium beside these tests on two cores, where a render after a mocked fetch has been seen to
// take longer than that; wait up to 5 s (the assertions themselves are unchanged).
configure({ asyncUtilTimeout: 5_000 });

// The simulated window is 1,024 px wide, where boards start with compact cards; the tests of the
// card's controls see them all (detailed), and the tests of the compact card choose it.
beforeEach(() => {
  window.localStorage.setItem('patchbay:card-view', 'detailed');
});

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
