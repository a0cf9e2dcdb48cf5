/**
 * The contract between the school back office and the national service's professional API.
 * Both sides import these schemas: the service validates with them, the school's client sends them.
 */
export * from './applications.ts';
/** Credentials of a driving-school office: Cerfa agrément number + ANTS login + password. */
export { tokenRequestSchema as proCredentials } from './applications.ts';
export * from './client.ts';
export * from './declarations.ts';
export * from './errors.ts';
export * from './fieldLabels.ts';
export * from './fields.ts';
export * from './franceConnect.ts';
export * from './identity.ts';
export * from './newApplication.ts';
export * from './ownApplication.ts';
export * from './parisClock.ts';
export * from './responses.ts';
export * from './schoolOperations.ts';
export * from './stateSets.ts';
export * from './states.ts';
export * from './streetAddress.ts';
export * from './web/agentSpace.ts';
export * from './web/candidateSpace.ts';
export * from './web/proSpace.ts';
export * from './web/session.ts';
