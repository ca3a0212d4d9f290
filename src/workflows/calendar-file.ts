import { configFile, displayName } from '../config-files/config-dir';
import { readConfigFile, type ConfigFileKind } from '../config-files/read-config-file';
import { parseCalendar, type CalendarEvent } from '../domain/calendar-conflicts';

/** calendar.yml, the holidays and conferences the release team maintains; a missing file is no calendar. */
const CALENDAR: ConfigFileKind<CalendarEvent[] | null> = {
  title: 'the holiday and conference calendar',
  parse: (data, source) => {
    const parsed = parseCalendar(data, source);
    return parsed.ok ? { ok: true, value: parsed.events } : parsed;
  },
  whenMissing: () => null,
};

/**
 * The calendar of the config folder (read again after an edit); a missing file is no calendar (the
 * answer says so); a broken one is refused with every problem in it.
 */
export function readCalendar(file: string = configFile('calendar.yml')): {
  events: CalendarEvent[];
  source: string | null;
} {
  const events = readConfigFile(CALENDAR, file);
  return events === null ? { events: [], source: null } : { events, source: displayName(file) };
}
