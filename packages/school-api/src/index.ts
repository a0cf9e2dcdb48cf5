/** The contract of the school back office's own API: its server and its pages import it. */
export * from './errors.ts';
export * from './rights.ts';
export * from './routes/admin.ts';
export * from './routes/offices.ts';
export * from './routes/online.ts';
export * from './routes/session.ts';
export * from './routes/students.ts';
export * from './routes/users.ts';
