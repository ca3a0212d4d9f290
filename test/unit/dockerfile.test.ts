import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('the Docker image reads its config from a folder that can be mounted', () => {
  it('bakes config/ in and names it as KFRELEASE_CONFIG_DIR by default', () => {
    expect(dockerfile).toContain('COPY --from=build /app/config ./config');
    expect(dockerfile).toMatch(/^ {4}KFRELEASE_CONFIG_DIR=\/app\/config \\$/m);
    expect(dockerfile).toContain('WORKDIR /app');
  });

  it('is documented with a mounted folder named by KFRELEASE_CONFIG_DIR', () => {
    expect(readme).toContain('-v "$PWD/kfrelease-config:/config:ro" -e KFRELEASE_CONFIG_DIR=/config');
  });
});
