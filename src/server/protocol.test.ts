import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClientMessage } from './protocol.js';

describe('parseClientMessage', () => {
  it('accepts the messages of the protocol and refuses anything else with a reason, never throwing', () => {
    expect(parseClientMessage('{"t":"join","code":"ABCDEF","table":0,"role":"nk"}').ok).toBe(true);
    expect(parseClientMessage('{"t":"submit","turn":3,"choice":"ai"}').ok).toBe(true);
    expect(parseClientMessage('{"t":"submit","turn":3,"choice":{"action":"nk_icbm_test","dilemmas":{"ev_x":"yes"}}}').ok).toBe(true);
    expect(parseClientMessage('{"t":"submit","turn":3,"choice":{"action":"x","__proto__":{}}}')).toMatchObject({ ok: false });
    expect(parseClientMessage('{"t":"advance","table":-1}')).toMatchObject({ ok: false, reason: expect.stringMatching(/table/) });
    for (const m of [
      '{"t":"pause","table":0,"paused":true}',
      '{"t":"seatAi","table":2,"role":"us","ai":false}',
      '{"t":"end","table":1}',
      '{"t":"projector","code":"ABCDEF"}',
    ]) {
      expect(parseClientMessage(m).ok).toBe(true);
    }
    expect(parseClientMessage('{"t":"pause","table":0}')).toMatchObject({ ok: false, reason: expect.stringMatching(/paused/) });
    expect(parseClientMessage('{"t":"projector","code":"ABCDEF","token":"x"}')).toMatchObject({ ok: false });
    expect(parseClientMessage('not json')).toEqual({ ok: false, reason: 'not JSON' });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        const r = parseClientMessage(raw);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
