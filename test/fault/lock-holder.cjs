/* global setTimeout */
/**
 * Child process of the database-lock fault test: another process (an operator's sqlite3 shell, a
 * stuck CLI command) that takes the write lock of `process.argv[2]` with BEGIN IMMEDIATE, writes
 * under it, holds it for `process.argv[3]` ms, then rolls back. It tells the parent `{ locked }` and
 * `{ released }` over IPC.
 */
const Database = require('better-sqlite3');

const [databasePath, holdMs] = process.argv.slice(2);
const db = new Database(databasePath, { timeout: 5000 });
db.exec('BEGIN IMMEDIATE');
db.prepare('UPDATE releases SET slack_channel = slack_channel').run();
process.send({ locked: Date.now() });
setTimeout(() => {
  db.exec('ROLLBACK');
  db.close();
  process.send({ released: Date.now() }, () => process.exit(0));
}, Number(holdMs));
