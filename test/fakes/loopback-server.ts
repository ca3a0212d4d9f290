export * from '../../src/sandbox/loopback-server';
