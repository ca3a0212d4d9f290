import { takeUnexpectedCalls } from '../fakes/strict-fakes';

/** Throws naming every call a fake got that no test declared, since the last look. */
function failOnUnexpectedCalls(): void {
  const calls = takeUnexpectedCalls();
  if (calls.length === 0) return;
  throw new Error(
    `The fakes got calls this test did not declare (declare them with slack.expect(method), or start the fake with unexpectedCallsAllowed: 'why'):\n  ${calls.join('\n  ')}`,
  );
}

// Run around every test file (jest's setupFilesAfterEnv): a fake that got a call the test did not
// declare fails that test; one that came after the last test fails the file.
afterEach(failOnUnexpectedCalls);
afterAll(failOnUnexpectedCalls);
