/**
 * A small, strict reader of iCalendar text (RFC 5545) for tests: it checks the framing the RFC
 * requires (CRLF line ends, folding at 75 octets), unfolds, parses content lines and components,
 * and reports every problem instead of stopping at the first.
 */
export interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface Component {
  name: string;
  properties: Property[];
  components: Component[];
}

export interface Parsed {
  calendar: Component | null;
  problems: string[];
}

const MAX_OCTETS = 75;
const CONTENT_LINE =
  /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/;

/** TEXT values: `\n`, `\,`, `\;` and `\\` back to what they stand for. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_all, char: string) => (char.toLowerCase() === 'n' ? '\n' : char));
}

export function parseIcal(text: string): Parsed {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('the last line does not end with CRLF');
  if (/[^\r]\n|\r[^\n]/.test(text)) problems.push('a line ends with a bare LF or CR instead of CRLF');
  const physical = text.split('\r\n');
  if (physical.at(-1) === '') physical.pop();
  physical.forEach((line, index) => {
    const octets = Buffer.byteLength(line);
    if (octets > MAX_OCTETS) problems.push(`line ${index + 1} is ${octets} octets, more than ${MAX_OCTETS}`);
  });
  // Unfolding: a CRLF followed by one space or tab joins the lines (RFC 5545 3.1).
  const logical: string[] = [];
  for (const line of physical) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && logical.length > 0)
      logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const stack: Component[] = [];
  let calendar: Component | null = null;
  for (const line of logical) {
    const match = CONTENT_LINE.exec(line);
    if (!match) {
      problems.push(`not a content line: ${JSON.stringify(line)}`);
      continue;
    }
    const [, rawName = '', rawParams = '', value = ''] = match;
    const name = rawName.toUpperCase();
    const params = Object.fromEntries(
      rawParams
        .split(';')
        .filter(Boolean)
        .map((param) => {
          const [key = '', ...rest] = param.split('=');
          return [key.toUpperCase(), rest.join('=')];
        }),
    );
    if (name === 'BEGIN') {
      const component: Component = { name: value.toUpperCase(), properties: [], components: [] };
      stack.at(-1)?.components.push(component);
      if (stack.length === 0) {
        if (calendar) problems.push('more than one top-level component');
        calendar = component;
      }
      stack.push(component);
    } else if (name === 'END') {
      const open = stack.pop();
      if (!open || open.name !== value.toUpperCase())
        problems.push(`END:${value} does not close ${open?.name ?? 'anything'}`);
    } else {
      const current = stack.at(-1);
      if (!current) problems.push(`${name} outside any component`);
      else current.properties.push({ name, params, value });
    }
  }
  if (stack.length > 0) problems.push(`not closed: ${stack.map((c) => c.name).join(', ')}`);
  if (calendar && calendar.name !== 'VCALENDAR')
    problems.push(`the top component is ${calendar.name}, not VCALENDAR`);
  if (calendar) checkRequired(calendar, problems);
  return { calendar, problems };
}

export function property(component: Component, name: string): Property | undefined {
  return component.properties.find((p) => p.name === name);
}

const DATE = /^\d{8}$/;
const UTC_DATE_TIME = /^\d{8}T\d{6}Z$/;
const LOCAL_DATE_TIME = /^\d{8}T\d{6}$/;

/** Single TEXT values: a comma, semicolon or backslash must be escaped (RFC 5545 3.3.11). */
const TEXT_PROPERTIES = new Set([
  'SUMMARY',
  'DESCRIPTION',
  'LOCATION',
  'NAME',
  'X-WR-CALNAME',
  'X-WR-CALDESC',
]);
const BAD_TEXT = /(^|[^\\])(\\\\)*[,;]|\\[^nN,;\\]|\\$/;

function checkText(component: Component, problems: string[]): void {
  for (const p of component.properties) {
    if (TEXT_PROPERTIES.has(p.name) && BAD_TEXT.test(p.value))
      problems.push(`${p.name} is not escaped: ${p.value}`);
  }
  for (const child of component.components) checkText(child, problems);
}

function checkRequired(calendar: Component, problems: string[]): void {
  checkText(calendar, problems);
  for (const name of ['PRODID', 'VERSION']) {
    const count = calendar.properties.filter((p) => p.name === name).length;
    if (count !== 1) problems.push(`VCALENDAR has ${count} ${name}, needs exactly one`);
  }
  if (property(calendar, 'VERSION')?.value !== '2.0') problems.push('VERSION is not 2.0');
  const uids = new Set<string>();
  for (const event of calendar.components.filter((c) => c.name === 'VEVENT')) {
    const uid = property(event, 'UID')?.value;
    for (const name of ['UID', 'DTSTAMP', 'DTSTART']) {
      const count = event.properties.filter((p) => p.name === name).length;
      if (count !== 1) problems.push(`VEVENT ${uid ?? '?'} has ${count} ${name}, needs exactly one`);
    }
    if (uid) {
      if (uids.has(uid)) problems.push(`UID ${uid} is used twice`);
      uids.add(uid);
    }
    if (property(event, 'DTEND') && property(event, 'DURATION'))
      problems.push(`VEVENT ${uid} has DTEND and DURATION`);
    const stamp = property(event, 'DTSTAMP')?.value ?? '';
    if (!UTC_DATE_TIME.test(stamp)) problems.push(`VEVENT ${uid} DTSTAMP ${stamp} is not a UTC date-time`);
    for (const name of ['DTSTART', 'DTEND']) {
      const p = property(event, name);
      if (!p) continue;
      const ok =
        p.params.VALUE === 'DATE'
          ? DATE.test(p.value)
          : UTC_DATE_TIME.test(p.value) || (LOCAL_DATE_TIME.test(p.value) && p.params.TZID !== undefined);
      if (!ok) problems.push(`VEVENT ${uid} ${name} ${JSON.stringify(p)} is not a valid DATE or DATE-TIME`);
    }
  }
}
