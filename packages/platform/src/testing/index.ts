export * from './hostileInput.ts';
export * from './httpClient.ts';
export * from './httpRefusals.ts';
export * from './logCapture.ts';
export * from './rawHttp.ts';
export * from './smtpSink.ts';
export * from './testDatabase.ts';
export * from './until.ts';
