import { z } from 'zod';

/** What an answer's schema makes of a value: the same value with only the members the schema names. */
type Project = (value: unknown) => unknown;
const same: Project = (value) => value;

/**
 * Thrown when an answer does not match its schema: a defect of the service, answered 500 (the
 * route's answer is never sent half checked).
 */
export class AnswerShapeError extends Error {
  constructor(cause: unknown) {
    super('La réponse ne correspond pas à son schéma', { cause });
  }
}

/** The whole check of zod: every member's type and format, every check, in encode direction. */
function checked(schema: z.ZodType): Project {
  return (value) => {
    const result = z.safeEncode(schema, value);
    if (!result.success) throw new AnswerShapeError(result.error);
    return result.data;
  };
}

/**
 * The members of a plain object, as zod's default object strips them: only what the schema names, so
 * no column of a row nor member added by mistake ever leaves the service. Kinds it does not know how
 * to follow (unions without a discriminator, records, pipes, lazy schemas…) get the whole check.
 */
function projector(schema: z.ZodType): Project | undefined {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'date':
    case 'enum':
    case 'literal':
    case 'null':
    case 'template_literal':
    case 'any':
    case 'unknown':
      // A value the compiler typed against the contract: nothing in it to strip.
      return undefined;
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'nonoptional':
    // In encode direction zod fills no default: an answer must carry the member (checked in tests).
    case 'default':
    case 'prefault': {
      const inner = projector(def.innerType as z.ZodType);
      return inner && ((value) => (value === undefined || value === null ? value : inner(value)));
    }
    case 'array': {
      const element = projector(def.element as z.ZodType);
      const whole = checked(schema);
      return (value) => {
        if (!Array.isArray(value)) return whole(value);
        return element ? value.map(element) : value;
      };
    }
    case 'object': {
      if (def.catchall && (def.catchall as z.ZodType)._zod.def.type !== 'never') return checked(schema);
      const members = Object.entries(def.shape as Record<string, z.ZodType>).map(
        ([key, member]) => [JSON.stringify(key), projector(member)] as const,
      );
      // One object literal of the schema's members, compiled once: a loop copying members one by
      // one cost as much as the JSON writing itself (issue 37's profile). A member left undefined is
      // not written by JSON.stringify, as zod leaves it out. Keys are JSON-quoted, never code.
      const nested = members.map(([, project]) => project);
      const literal = members
        .map(([key, project], i) => `${key}: ${project ? `nested[${i}](value[${key}])` : `value[${key}]`}`)
        .join(', ');
      const build = new Function('nested', `return (value) => ({ ${literal} });`)(nested) as Project;
      const whole = checked(schema);
      return (value) =>
        typeof value !== 'object' || value === null || Array.isArray(value) ? whole(value) : build(value);
    }
    case 'union': {
      const discriminator = def.discriminator as string | undefined;
      if (!discriminator) return checked(schema);
      const whole = checked(schema);
      const byValue = new Map<unknown, Project>();
      for (const option of def.options as z.ZodType[]) {
        const values = (option._zod as { propValues?: Record<string, Set<unknown>> }).propValues?.[discriminator];
        if (!values) return whole;
        const project = projector(option) ?? same;
        for (const value of values) byValue.set(value, project);
      }
      return (value) => {
        const project =
          typeof value === 'object' && value !== null
            ? byValue.get((value as Record<string, unknown>)[discriminator])
            : undefined;
        return project ? project(value) : whole(value);
      };
    }
    default:
      return checked(schema);
  }
}

/**
 * How an answer is turned into JSON. Its schema, the contract's, is the one source of its shape: the
 * compiler holds a route to it, and the projection sends only the members it names. With `check`
 * (every process not started with NODE_ENV=production: the tests, a developer's start), zod also
 * checks every value of every answer, which cost three times the JSON writing of a list page
 * (decision 0020): a contract and a route drifting apart fail the tests, not the production answers.
 */
export function answerWriter(schema: z.ZodType, { check }: { check: boolean }): (value: unknown) => string {
  const project = projector(schema) ?? same;
  const full = checked(schema);
  if (!check) return (value) => JSON.stringify(project(value));
  return (value) => {
    const encoded = JSON.stringify(full(value));
    // Every answer of the tests also checks the projection: it must send what zod's strip sends.
    if (JSON.stringify(project(value)) !== encoded) throw new AnswerShapeError('projection différente de zod');
    return encoded;
  };
}

/** Whether answers are checked value by value (see answerWriter). */
export const CHECK_ANSWERS = process.env.NODE_ENV !== 'production';
