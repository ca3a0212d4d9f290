export * from '../../src/sandbox/github-stand-in-routes';
