#!/usr/bin/env node
// The kfrelease command line. Runs the compiled code in dist/ (built by `npm install` or `npm run build`).
const path = require('node:path');
const fs = require('node:fs');

const compiled = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(compiled)) {
  console.error('kfrelease is not built yet: run `npm run build` in ' + path.join(__dirname, '..'));
  process.exit(1);
}
require(compiled)
  .runCli(process.argv.slice(2), process.env)
  .then((code) => process.exit(code));
