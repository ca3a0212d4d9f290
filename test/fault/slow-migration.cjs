/**
 * Child process of the migration fault test: runs the compiled migration runner from dist/ over
 * `process.argv[3]` (a migrations folder holding a deliberately slow migration) on the database
 * `process.argv[2]`, and exits 0 when it is done. The parent kills it with SIGKILL halfway.
 */
const { openDatabase } = require('../../dist/src/db/open-database.js');
const { loadMigrations, migrate } = require('../../dist/src/db/migrate.js');

const [databasePath, migrationsDir] = process.argv.slice(2);
const db = openDatabase(databasePath);
const result = migrate(db, loadMigrations(migrationsDir), () => new Date().toISOString());
db.close();
console.log(JSON.stringify(result));
