/** The contract of the school back office's own API: its server and its pages import it. */
export * from './errors.ts';
