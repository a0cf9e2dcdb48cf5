import type { Answer, CallInput, RouteContract } from '@permis/platform/route';
import type { SchoolErrorCode } from '@permis/school-api';
import { type ApiDataOptions, type ApiData as SharedApiData, useApiData as useShared } from '@permis/web-client';
import { apiCall, callPath } from './api.ts';

/** A load of the back office: its errors typed by the school's codes. */
export type ApiData<T> = SharedApiData<T, SchoolErrorCode>;

/** `apiCall` with its input as one argument (the contract checked it where `input` was typed). */
const callWith = apiCall as <C extends RouteContract>(
  contract: C,
  input: unknown,
  options: { signal: AbortSignal },
) => Promise<Answer<C>>;

/**
 * Loads a GET route of the contract (again whenever its address changes); `null` waits. What one
 * address answered is never shown under another.
 */
export function useApiCall<C extends RouteContract>(
  contract: C,
  input: CallInput<C> | null,
  options: ApiDataOptions = {},
): ApiData<Answer<C>> {
  const key = input === null ? null : callPath(contract, input);
  return useShared<Answer<C>, SchoolErrorCode>(key, (signal) => callWith(contract, input ?? {}, { signal }), options);
}
