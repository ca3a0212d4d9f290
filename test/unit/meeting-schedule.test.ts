import { DateTime } from 'luxon';
import {
  agendaMoment,
  localMoment,
  meetingDates,
  nextMeetingDate,
  noteTakerNoticeMoment,
  parseClockTime,
  parseWeekday,
} from '../../src/domain/meeting-schedule';

const utc = (m: DateTime) => m.toUTC().toISO();

describe('parseWeekday', () => {
  it.each([
    ['mon', 1],
    ['Tuesday', 2],
    ['tu', 2],
    ['tues', 2],
    ['WED', 3],
    ['thu', 4],
    ['fri', 5],
    ['sat', 6],
    ['sun', 7],
    ['3', 3],
    ['t', null],
    ['8', null],
    ['funday', null],
    ['16:00', null],
  ])('%s is %s', (word, day) => expect(parseWeekday(word)).toBe(day));
});

describe('parseClockTime', () => {
  it.each([
    ['16:00', '16:00'],
    ['9:30', '09:30'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    ['24:00', null],
    ['16', null],
    ['16:60', null],
    ['4pm', null],
  ])('%s is %s', (word, time) => expect(parseClockTime(word)).toBe(time));
});

describe('meetingDates', () => {
  it('lists the weekday from the first date on, inclusive of both ends', () => {
    expect(meetingDates(2, '2026-03-02', '2026-03-17')).toEqual(['2026-03-03', '2026-03-10', '2026-03-17']);
    expect(meetingDates(1, '2026-03-02', '2026-03-09')).toEqual(['2026-03-02', '2026-03-09']);
    expect(meetingDates(7, '2026-03-02', '2026-03-07')).toEqual([]);
  });
});

describe('a meeting stays at its local time across daylight-saving changes', () => {
  it.each([
    // Europe/Berlin springs forward on Sun 29 Mar 2026 and falls back on Sun 25 Oct 2026.
    ['Europe/Berlin', '2026-03-23', '10:00', '2026-03-23T09:00:00.000Z'],
    ['Europe/Berlin', '2026-03-30', '10:00', '2026-03-30T08:00:00.000Z'],
    ['Europe/Berlin', '2026-10-19', '10:00', '2026-10-19T08:00:00.000Z'],
    ['Europe/Berlin', '2026-10-26', '10:00', '2026-10-26T09:00:00.000Z'],
    // America/Los_Angeles springs forward on Sun 8 Mar 2026 and falls back on Sun 1 Nov 2026.
    ['America/Los_Angeles', '2026-03-02', '10:00', '2026-03-02T18:00:00.000Z'],
    ['America/Los_Angeles', '2026-03-09', '10:00', '2026-03-09T17:00:00.000Z'],
    ['America/Los_Angeles', '2026-10-26', '10:00', '2026-10-26T17:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-02', '10:00', '2026-11-02T18:00:00.000Z'],
    // A time inside the spring-forward gap moves forward by the gap, as clocks do.
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    ['America/Los_Angeles', '2026-03-08', '02:30', '2026-03-08T10:30:00.000Z'],
  ])('%s %s %s is %s', (zone, date, time, expected) => {
    expect(utc(localMoment(date, time, zone))).toBe(expected);
  });
});

describe('agendaMoment', () => {
  it.each([
    // 24 h before a Monday 10:00 meeting is Sunday 10:00 local, even on the day the clocks change.
    ['Europe/Berlin', '2026-03-30', 24, '2026-03-29T08:00:00.000Z', '2026-03-29T10:00'],
    ['Europe/Berlin', '2026-10-26', 24, '2026-10-25T09:00:00.000Z', '2026-10-25T10:00'],
    ['America/Los_Angeles', '2026-03-09', 24, '2026-03-08T17:00:00.000Z', '2026-03-08T10:00'],
    ['America/Los_Angeles', '2026-11-02', 24, '2026-11-01T18:00:00.000Z', '2026-11-01T10:00'],
    ['Europe/Berlin', '2026-03-30', 36, '2026-03-28T20:00:00.000Z', '2026-03-28T21:00'],
    ['Europe/Berlin', '2026-03-30', 2, '2026-03-30T06:00:00.000Z', '2026-03-30T08:00'],
    ['Europe/Berlin', '2026-03-30', 168, '2026-03-23T09:00:00.000Z', '2026-03-23T10:00'],
  ])('%s meeting %s, %i h lead: %s', (zone, date, hours, expected, local) => {
    const at = agendaMoment(localMoment(date, '10:00', zone), hours);
    expect(utc(at)).toBe(expected);
    expect(at.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm")).toBe(local);
  });

  it("tells the note-taker the day before at the meeting's local time", () => {
    const meeting = localMoment('2026-03-30', '10:00', 'Europe/Berlin');
    expect(utc(noteTakerNoticeMoment(meeting))).toBe('2026-03-29T08:00:00.000Z');
  });
});

describe('nextMeetingDate', () => {
  const settings = { time: '16:00', zone: 'Europe/Berlin' };
  const dates = ['2026-05-05', '2026-05-12', '2026-05-19'];
  it.each([
    ['2026-05-05T13:59:00Z', '2026-05-05'],
    ['2026-05-05T14:00:00Z', '2026-05-12'],
    ['2026-05-19T13:00:00Z', '2026-05-19'],
    ['2026-05-19T15:00:00Z', null],
  ])('at %s the next meeting is %s', (at, next) => {
    expect(nextMeetingDate(settings, dates, DateTime.fromISO(at, { zone: 'utc' }))).toBe(next);
  });
});
