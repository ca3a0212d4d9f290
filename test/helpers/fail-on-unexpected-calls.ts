import { takeUnexpectedCalls } from '../fakes/strict-fakes';

// Run after every test (jest's setupFilesAfterEach): a fake that got a call the test did not
// declare fails that test, naming the call.
afterEach(() => {
  const calls = takeUnexpectedCalls();
  if (calls.length > 0) {
    throw new Error(
      `The fakes got calls this test did not declare (declare them with slack.expect(method), or start the fake with unexpectedCallsAllowed: 'why'):\n  ${calls.join('\n  ')}`,
    );
  }
});
