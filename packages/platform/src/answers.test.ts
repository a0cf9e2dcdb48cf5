import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnswerShapeError, answerWriter } from './answers.ts';

const person = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1),
  email: z.email().optional(),
  tags: z.array(z.enum(['a', 'b'])).default([]),
  address: z.object({ city: z.string(), postalCode: z.string().regex(/^\d{5}$/) }).nullable(),
});
const gone = z.object({ id: z.uuid(), state: z.literal('gone') });
const answer = z.object({
  items: z.array(z.discriminatedUnion('state', [person.extend({ state: z.enum(['here', 'away']) }), gone])),
  next: z.string().nullable(),
  count: z.number().int().optional(),
});

const id = '6f1c2a4e-8d3b-4c5e-9f7a-1b2c3d4e5f60';
const here = {
  id,
  state: 'here',
  name: 'Léa',
  tags: ['a'],
  address: { city: 'Rennes', postalCode: '35000', secret: 'x' },
  passwordHash: '$argon2id$…',
};

describe('answers', () => {
  for (const check of [true, false]) {
    describe(check ? 'checked (tests, development)' : 'projected only (production)', () => {
      const write = answerWriter(answer, { check });

      it('sends only the members the contract names, at every depth and in each branch of a union', () => {
        const sent = JSON.parse(
          write({ items: [here, { id, state: 'gone', name: 'Léa', candidate: {} }], next: null, internal: 1 }),
        );
        expect(sent).toEqual({
          items: [
            { id, state: 'here', name: 'Léa', tags: ['a'], address: { city: 'Rennes', postalCode: '35000' } },
            { id, state: 'gone' },
          ],
          next: null,
        });
      });
    });
  }

  it('refuses, when checking, an answer whose values break the contract', () => {
    const write = answerWriter(answer, { check: true });
    expect(() => write({ items: [{ ...here, id: 'not-a-uuid' }], next: null })).toThrow(AnswerShapeError);
    expect(() => write({ items: [{ ...here, state: 'unknown' }], next: null })).toThrow(AnswerShapeError);
    // zod fills no default when it encodes: a member with one is still the route's to send.
    const { tags: _, ...untagged } = here;
    expect(() => write({ items: [untagged], next: null })).toThrow(AnswerShapeError);
  });

  it('still refuses, when projecting only, what it cannot project (a state no branch names)', () => {
    const write = answerWriter(answer, { check: false });
    expect(() => write({ items: [{ ...here, state: 'unknown' }], next: null })).toThrow(AnswerShapeError);
    expect(() => write({ items: 'many', next: null })).toThrow(AnswerShapeError);
  });
});
