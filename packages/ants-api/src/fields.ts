/**
 * T with every field present, an optional one possibly undefined. An object built field by field
 * with this type misses none: a field added to a schema does not compile until it is given (an
 * optional one may be given as undefined).
 */
export type EveryField<T> = { [K in keyof Required<T>]: T[K] };
