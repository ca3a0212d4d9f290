import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { COMMAND_REFERENCE_FILE, commandReference } from './command-reference';

// `npm run docs:commands`: writes docs/commands.md from the command definitions.
writeFileSync(COMMAND_REFERENCE_FILE, commandReference());
console.log(`Wrote ${path.relative(PROJECT_ROOT, COMMAND_REFERENCE_FILE)}.`);
