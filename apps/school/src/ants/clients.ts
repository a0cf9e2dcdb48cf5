import { AntsApiError, createAntsClient, isApiErrorCode } from '@permis/ants-api';
import { AppError, type SecretBox } from '@permis/platform';
import { SCHOOL_ERRORS } from '@permis/school-api';
import type { offices } from '../db/schema.ts';
import { schoolError } from '../errors.ts';

export type AntsClient = ReturnType<typeof createAntsClient>;
type OfficeRow = typeof offices.$inferSelect;
export type CerfaCredentials = { agrementNumber: string; login: string; password: string };

/**
 * The professional-API clients of the school's offices. Seed 002: "Les identifiants pris en compte
 * pour envoyer les demandes … sont ceux de l'agence responsable". One client per office and
 * credentials, kept so that its bearer token serves many requests.
 */
export function createAntsClients(options: { baseUrl: string; box: SecretBox; timeoutMs?: number }) {
  const cache = new Map<string, AntsClient>();
  const timeoutMs = options.timeoutMs ?? 20000;

  const withCredentials = (credentials: CerfaCredentials): AntsClient => {
    const key = JSON.stringify(credentials);
    let client = cache.get(key);
    if (!client) {
      if (cache.size > 200) cache.clear();
      client = createAntsClient({ baseUrl: options.baseUrl, credentials, timeoutMs });
      cache.set(key, client);
    }
    return client;
  };

  return {
    withCredentials,
    /** The client of an office, or a clear refusal naming what the dirigeant must fill in. */
    forOffice(office: OfficeRow): AntsClient {
      if (!office.cerfaAgrement || !office.antsLogin || !office.antsPasswordSealed) {
        throw schoolError(
          'OFFICE_WITHOUT_AGREMENT',
          `Le bureau ${office.name} n'a pas d'agrément pour Cerfa complet (numéro d'agrément, identifiant et mot de passe ANTS) : renseignez-le dans l'Espace Dirigeant > Paramètres > Bureaux.`,
        );
      }
      return withCredentials({
        agrementNumber: office.cerfaAgrement,
        login: office.antsLogin,
        password: options.box.open(office.antsPasswordSealed),
      });
    },
  };
}

export type AntsClients = ReturnType<typeof createAntsClients>;

/**
 * What the school answers when the national service refused or did not answer: the seed's
 * messages ("Erreurs possibles"), the fields to highlight, and 503 for a service that is down or
 * too slow (the action is safe to retry).
 */
export function fromAnts(error: unknown, officeName?: string): never {
  if (!(error instanceof AntsApiError)) throw error;
  if (error.code === 'UNAVAILABLE') throw schoolError('ANTS_UNAVAILABLE', error.message);
  if (isAuthenticationFailure(error)) {
    throw schoolError(
      'OFFICE_CREDENTIALS_REFUSED',
      `${error.message}${officeName ? ` Vérifiez l'agrément pour Cerfa du bureau ${officeName} dans l'Espace Dirigeant > Paramètres > Bureaux.` : ''}`,
    );
  }
  if (error.status >= 500) {
    throw schoolError(
      'ANTS_UNAVAILABLE',
      "Le site de l'ANTS a rencontré une erreur. Rien n'a été perdu : réessayez dans quelques instants.",
    );
  }
  // The national code travels as it is, in its own member: the pages read it through the contract.
  const antsCode = isApiErrorCode(error.code) ? error.code : undefined;
  throw AppError.of(SCHOOL_ERRORS, 'ANTS_REFUSED', error.message, {
    status: error.status === 404 || error.status === 409 ? error.status : undefined,
    fields: error.fields,
    extensions: antsCode ? { antsCode } : undefined,
  });
}

/** The national service refused the office's credentials (the seed's "Erreur d'authentification"). */
export function isAuthenticationFailure(error: unknown): boolean {
  return error instanceof AntsApiError && (error.code === 'AUTHENTICATION_FAILED' || error.status === 401);
}

/** Runs a call to the national service, turning its refusals into the school's errors. */
export async function callAnts<T>(call: () => Promise<T>, officeName?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    return fromAnts(error, officeName);
  }
}
