export * from '../../src/sandbox/github-stand-in-model';
