import { describe, expect, it } from 'vitest';
import { sessionCalendar } from './ics.ts';

describe('sessionCalendar', () => {
  it('writes one event with escaped text, UTC times and folded lines', () => {
    const ics = sessionCalendar({
      uid: 'abc@cercle',
      title: 'Riding; in winter, again',
      description: 'Line one\nLine two '.repeat(6),
      startsAt: '2030-01-15T18:00:00.000Z',
      durationMinutes: 90,
      url: 'https://cercle.example/c/veloce/live/abc',
      now: new Date('2030-01-01T00:00:00Z'),
    });
    expect(ics).toContain('DTSTART:20300115T180000Z\r\nDTEND:20300115T193000Z\r\n');
    expect(ics).toContain('SUMMARY:Riding\\; in winter\\, again\r\n');
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
