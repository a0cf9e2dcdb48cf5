import type { Answer, CallInput } from '@permis/platform/route';
import type { SchoolErrorCode } from '@permis/school-api';
import {
  type ApiDataOptions,
  type Callable,
  type ApiData as SharedApiData,
  useApiData as useShared,
} from '@permis/web-client';
import { apiCall, callPath } from './api.ts';

/** A load of the back office: its errors typed by the school's codes. */
export type ApiData<T> = SharedApiData<T, SchoolErrorCode>;

/** `apiCall` with its input as one argument (the contract checked it where `input` was typed). */
const callWith = apiCall as <R extends Callable>(
  route: R,
  input: unknown,
  options: { signal: AbortSignal },
) => Promise<Answer<R>>;

/**
 * Loads a GET route of the contract (again whenever its address changes); `null` waits. What one
 * address answered is never shown under another.
 */
export function useApiCall<R extends Callable>(
  route: R,
  input: CallInput<R> | null,
  options: ApiDataOptions = {},
): ApiData<Answer<R>> {
  const key = input === null ? null : callPath(route, input);
  return useShared<Answer<R>, SchoolErrorCode>(key, (signal) => callWith(route, input ?? {}, { signal }), options);
}
