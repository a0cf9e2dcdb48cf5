import { PLATFORM_ERRORS } from '@permis/platform/errors';
import { describe, expect, it } from 'vitest';
import { ANTS_ERRORS, API_ERROR_CODES, API_ERRORS, isApiErrorCode, problemCatalogue, WEB_ERRORS } from './errors.ts';

describe("the national service's error table", () => {
  it('answers every professional API code as the API documents it (status and title)', () => {
    for (const code of API_ERROR_CODES) expect(ANTS_ERRORS[code]).toEqual(API_ERRORS[code]);
  });

  it('keeps the web spaces’ codes out of the API’s (the OpenAPI document lists only what the API answers)', () => {
    expect(Object.keys(WEB_ERRORS).filter((code) => code in API_ERRORS || code in PLATFORM_ERRORS)).toEqual([]);
  });

  it('titles a platform code the API does not list as its status (what the HTTP layer answered before)', () => {
    expect(problemCatalogue.title('METHOD_NOT_ALLOWED')).toBe('Méthode refusée.');
    expect(problemCatalogue.title('UNAUTHENTICATED')).toBe('Authentification requise.');
  });

  it('knows a contract code from another string', () => {
    expect(isApiErrorCode('DATA_ERROR')).toBe(true);
    expect(isApiErrorCode('LINK_GONE')).toBe(false);
    expect(isApiErrorCode('toString')).toBe(false);
  });
});
