export * from '../../src/sandbox/github-stand-in-graphql';
