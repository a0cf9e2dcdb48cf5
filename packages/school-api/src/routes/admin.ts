import { APPLICATION_TYPES, applicationNumberSchema } from '@permis/ants-api';
import { route } from '@permis/platform/route';
import { z } from 'zod';
import { schoolViewStateSchema } from './online.ts';

/**
 * Espace Administratif › Bordereaux dossiers › "Demandes en ligne (site ANTS)": the list of an
 * office's online applications with the seed's counters, the update from the national service, the
 * link of an application to a student, the Excel export and the chart of the last months.
 */

const isoDate = z.iso.date('Date invalide (jj/mm/aaaa).');

/** The criteria of the list: office, counter (type + state), number, date ranges. */
export const listCriteriaSchema = z.object({
  officeId: z.uuid('Choisissez une agence.'),
  type: z.enum(APPLICATION_TYPES).optional(),
  state: z
    .string()
    .regex(/^[a-z_]{1,30}$/)
    .optional(),
  /** The whole number or its beginning (digits only: nothing else means anything in a LIKE). */
  number: z
    .string()
    .trim()
    .regex(/^\d{0,30}$/, 'Le numéro de demande ne comporte que des chiffres.')
    .optional(),
  createdFrom: isoDate.optional(),
  createdTo: isoDate.optional(),
  updatedFrom: isoDate.optional(),
  updatedTo: isoDate.optional(),
});
export type ListCriteria = z.infer<typeof listCriteriaSchema>;

/** A range whose end comes before its start is said on its end, rather than answered with nothing. */
function orderedRanges(c: ListCriteria, context: z.RefinementCtx) {
  for (const [from, to] of [
    ['createdFrom', 'createdTo'],
    ['updatedFrom', 'updatedTo'],
  ] as const) {
    const start = c[from];
    const end = c[to];
    if (start && end && end < start) {
      context.addIssue({ code: 'custom', path: [to], message: 'La date de fin est antérieure à la date de début.' });
    }
  }
}

export const officeCriteriaSchema = listCriteriaSchema.pick({ officeId: true });

/** The columns the list sorts by. */
export const SORT_KEYS = ['student', 'number', 'createdAt', 'updatedAt', 'state', 'neph'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const adminListQuerySchema = listCriteriaSchema
  .extend({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(10).max(200).default(50),
    sort: z.enum(SORT_KEYS).default('updatedAt'),
    dir: z.enum(['asc', 'desc']).default('desc'),
  })
  .superRefine(orderedRanges);
export type ListQuery = z.infer<typeof adminListQuerySchema>;

/** One of the seed's counters: a state of a Cerfa, its label and meaning, and how many. */
export const counterRowSchema = z.object({
  type: z.enum(APPLICATION_TYPES),
  label: z.string(),
  counters: z.array(
    z.object({ state: schoolViewStateSchema, label: z.string(), meaning: z.string(), count: z.number().int() }),
  ),
});
export type CounterRow = z.infer<typeof counterRowSchema>;
export type CounterCell = CounterRow['counters'][number];

/** A line of "Demandes en ligne (site ANTS)". */
export const adminApplicationRowSchema = z.object({
  number: z.string(),
  type: z.enum(APPLICATION_TYPES),
  state: schoolViewStateSchema,
  stateLabel: z.string(),
  neph: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  student: z.object({ id: z.string(), name: z.string() }).nullable(),
  candidateName: z.string(),
});
export type AdminApplicationRow = z.infer<typeof adminApplicationRowSchema>;

export const adminListSchema = z.object({
  /** When the national service last told this office something (a push or a completed update). */
  office: z.object({ lastHeardAt: z.iso.datetime().nullable() }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counters: z.array(counterRowSchema),
  rows: z.array(adminApplicationRowSchema),
});
export type AdminList = z.infer<typeof adminListSchema>;

/** An update from the national service, under way or done. */
export const syncRunSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'waiting', 'done', 'failed']),
  fetched: z.number().int(),
  total: z.number().int().nullable(),
  error: z.string().nullable(),
  windows: z.record(z.string(), z.string()),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

const officeParams = z.object({ officeId: z.uuid() });

export const adminRoutes = {
  list: route({
    method: 'GET',
    path: '/api/admin/online-applications',
    query: adminListQuerySchema,
    response: adminListSchema,
  }),
  /** "Mettre à jour depuis le site de la préfecture": a background run, followed by the page. */
  startSync: route({
    method: 'POST',
    path: '/api/admin/offices/:officeId/sync',
    params: officeParams,
    body: z.object({
      createdFrom: isoDate.optional(),
      createdTo: isoDate.optional(),
      updatedFrom: isoDate.optional(),
      updatedTo: isoDate.optional(),
    }),
    response: z.object({ run: syncRunSchema }),
    status: 202,
  }),
  sync: route({
    method: 'GET',
    path: '/api/admin/offices/:officeId/sync',
    params: officeParams,
    response: z.object({ run: syncRunSchema.nullable() }),
  }),
  /** "Relier une demande à un élève" (or "Changer d'élève"), optionally overwriting the fiche. */
  link: route({
    method: 'POST',
    path: '/api/admin/online-applications/:number/link',
    params: z.object({ number: applicationNumberSchema }),
    body: z.object({
      officeId: z.uuid('Choisissez une agence.'),
      studentId: z.uuid('Choisissez un élève.'),
      overwrite: z.boolean().default(false),
      change: z.boolean().default(false),
      confirmMismatch: z.boolean().default(false),
    }),
    response: z.object({
      linked: z.object({ number: z.string(), studentId: z.string(), previousStudentId: z.string().nullable() }),
    }),
  }),
  /** The chart: applications per state, by month of last change, over the last 12 months. */
  stats: route({
    method: 'GET',
    path: '/api/admin/online-applications/stats',
    query: officeCriteriaSchema,
    response: z.object({ months: z.array(z.object({ month: z.string(), state: z.string(), n: z.number().int() })) }),
  }),
};

/** The Excel export of the list (bytes, not JSON): its address and its query, the list's. */
export const adminFiles = {
  export: { path: '/api/admin/online-applications/export', query: adminListQuerySchema },
} as const;
