import type { Database } from 'better-sqlite3';
import type { RetroNote } from '../domain/retro-figures';

/** Retrospective notes of each release, in the order they were written. */
export function createRetroNoteRepository(db: Database) {
  const insert = db.prepare(
    'INSERT INTO retro_notes (release_id, phase, note, author, at) VALUES (?, ?, ?, ?, ?)',
  );
  const forRelease = db.prepare(
    'SELECT phase, note, author, at FROM retro_notes WHERE release_id = ? ORDER BY id',
  );
  return {
    add: (releaseId: number, note: RetroNote) => {
      insert.run(releaseId, note.phase, note.note, note.author, note.at);
    },
    forRelease: (releaseId: number) => forRelease.all(releaseId) as RetroNote[],
  };
}
