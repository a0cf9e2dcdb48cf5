// Written by scripts/generateAddresses.ts from the contract (npm run generate:addresses): do not edit.
// The routes and links of the pages as they need them, without their zod schemas, so that a page
// carries no zod. The compiler checks each against its contract (`Addresses`), and
// scripts/addresses.test.ts that the file is current.
import type { Addresses, LinkAddresses } from '@permis/platform/route';
import type * as contract from './index.ts';

export const sessionRoutes: Addresses<typeof contract.sessionRoutes> = {
  proLogin: { method: 'POST', path: '/api/pro/login' },
  agentLogin: { method: 'POST', path: '/api/agent/login' },
  candidateLogin: { method: 'POST', path: '/api/candidate/login' },
  session: { method: 'GET', path: '/api/session' },
  logout: { method: 'POST', path: '/api/logout' },
};

export const candidateSpace: Addresses<typeof contract.candidateSpace> = {
  activation: { method: 'GET', path: '/api/candidate/activation/:token' },
  activate: { method: 'POST', path: '/api/candidate/activation/:token' },
  forgottenIdentifier: { method: 'POST', path: '/api/candidate/forgotten-identifier', status: 202 },
  passwordResetLink: { method: 'POST', path: '/api/candidate/password-reset/link', status: 202 },
  passwordResetQuestion: { method: 'POST', path: '/api/candidate/password-reset/question' },
  passwordResetAnswer: { method: 'POST', path: '/api/candidate/password-reset/answer', status: 202 },
  passwordReset: { method: 'GET', path: '/api/candidate/password-reset/:token' },
  resetPassword: { method: 'POST', path: '/api/candidate/password-reset/:token' },
  home: { method: 'GET', path: '/api/candidate/home' },
  messages: { method: 'GET', path: '/api/candidate/messages' },
  readMessage: { method: 'POST', path: '/api/candidate/messages/:id/read' },
  personalData: { method: 'GET', path: '/api/candidate/personal-data' },
  requestEmailChange: { method: 'POST', path: '/api/candidate/personal-data/email' },
  emailChange: { method: 'GET', path: '/api/candidate/email-change/:token' },
  confirmEmailChange: { method: 'POST', path: '/api/candidate/email-change/:token' },
  changeMobile: { method: 'POST', path: '/api/candidate/personal-data/mobile', status: 202 },
  confirmMobileChange: { method: 'POST', path: '/api/candidate/personal-data/mobile/confirm' },
  changePassword: { method: 'POST', path: '/api/candidate/personal-data/password' },
  changeSecretQuestion: { method: 'POST', path: '/api/candidate/personal-data/secret-question' },
  otherAddresses: { method: 'GET', path: '/api/candidate/other-addresses' },
  sendAttachLink: { method: 'POST', path: '/api/candidate/other-addresses/:id/link', status: 202 },
  attachLink: { method: 'GET', path: '/api/candidate/attach/:token' },
  attach: { method: 'POST', path: '/api/candidate/attach/:token' },
  documents: { method: 'GET', path: '/api/candidate/documents' },
  franceConnect: { method: 'GET', path: '/api/candidate/franceconnect' },
  applications: { method: 'GET', path: '/api/candidate/applications' },
  application: { method: 'GET', path: '/api/candidate/applications/:number' },
  confirm: { method: 'POST', path: '/api/candidate/applications/:number/confirm' },
  refuse: { method: 'POST', path: '/api/candidate/applications/:number/refuse' },
  prefectures: { method: 'GET', path: '/api/candidate/prefectures' },
  createOwn: { method: 'POST', path: '/api/candidate/own-applications', status: 201 },
  own: { method: 'GET', path: '/api/candidate/own-applications/:number' },
  ownUploadPiece: { method: 'POST', path: '/api/candidate/own-applications/:number/pieces/:kind', status: 201 },
  ownDeletePieceFile: { method: 'DELETE', path: '/api/candidate/own-applications/:number/pieces/files/:fileId' },
  ownEphoto: { method: 'GET', path: '/api/candidate/own-applications/:number/ephoto' },
  ownSetEphoto: { method: 'PUT', path: '/api/candidate/own-applications/:number/ephoto' },
  ownDeleteEphoto: { method: 'DELETE', path: '/api/candidate/own-applications/:number/ephoto' },
  ownSubmit: { method: 'POST', path: '/api/candidate/own-applications/:number/submit' },
  ownComplete: { method: 'POST', path: '/api/candidate/own-applications/:number/complete' },
  ownWithdraw: { method: 'POST', path: '/api/candidate/own-applications/:number/withdraw' },
};

export const proSpace: Addresses<typeof contract.proSpace> = {
  dashboard: { method: 'GET', path: '/api/pro/web/applications' },
  changePassword: { method: 'POST', path: '/api/pro/web/account/password' },
  application: { method: 'GET', path: '/api/pro/web/applications/:number' },
  history: { method: 'GET', path: '/api/pro/web/applications/:number/history' },
  updateDraft: { method: 'PUT', path: '/api/pro/web/applications/:number' },
  deleteApplication: { method: 'DELETE', path: '/api/pro/web/applications/:number' },
  validate: { method: 'POST', path: '/api/pro/web/applications/:number/validate' },
  complete: { method: 'POST', path: '/api/pro/web/applications/:number/complete' },
  transfer: { method: 'POST', path: '/api/pro/web/transfers' },
  recap: { method: 'GET', path: '/api/pro/web/applications/:number/recap' },
  pieces: { method: 'GET', path: '/api/pro/web/applications/:number/pieces' },
  uploadPiece: { method: 'POST', path: '/api/pro/web/applications/:number/pieces/:kind', status: 201 },
  pieceFile: { method: 'GET', path: '/api/pro/web/applications/:number/pieces/files/:fileId' },
  deletePieceFile: { method: 'DELETE', path: '/api/pro/web/applications/:number/pieces/files/:fileId' },
  ephoto: { method: 'GET', path: '/api/pro/web/applications/:number/ephoto' },
  ephotoPhoto: { method: 'GET', path: '/api/pro/web/applications/:number/ephoto/photo' },
  ephotoSignature: { method: 'GET', path: '/api/pro/web/applications/:number/ephoto/signature' },
  setEphoto: { method: 'PUT', path: '/api/pro/web/applications/:number/ephoto' },
  deleteEphoto: { method: 'DELETE', path: '/api/pro/web/applications/:number/ephoto' },
  documents: { method: 'GET', path: '/api/pro/web/applications/:number/documents' },
  document: { method: 'GET', path: '/api/pro/web/applications/:number/documents/:kind' },
  startEntry: { method: 'POST', path: '/api/pro/web/entries', status: 201 },
  entries: { method: 'GET', path: '/api/pro/web/entries' },
  entry: { method: 'GET', path: '/api/pro/web/entries/:id' },
  saveEntryStep: {
    mandate: { method: 'PUT', path: '/api/pro/web/entries/:id/mandate' },
    motif: { method: 'PUT', path: '/api/pro/web/entries/:id/motif' },
    civilStatus: { method: 'PUT', path: '/api/pro/web/entries/:id/civilStatus' },
    address: { method: 'PUT', path: '/api/pro/web/entries/:id/address' },
    dossier: { method: 'PUT', path: '/api/pro/web/entries/:id/dossier' },
  },
  prefectures: { method: 'GET', path: '/api/pro/web/prefectures' },
  users: { method: 'GET', path: '/api/pro/web/users' },
  inviteUser: { method: 'POST', path: '/api/pro/web/users', status: 201 },
  resendInvitation: { method: 'POST', path: '/api/pro/web/users/:userId/invitation' },
  disableUser: { method: 'POST', path: '/api/pro/web/users/:userId/disable' },
  enableUser: { method: 'POST', path: '/api/pro/web/users/:userId/enable' },
  invitation: { method: 'GET', path: '/api/pro/invitations/:token' },
  acceptInvitation: { method: 'POST', path: '/api/pro/invitations/:token' },
};

export const agentSpace: Addresses<typeof contract.agentSpace> = {
  applications: { method: 'GET', path: '/api/agent/applications' },
  application: { method: 'GET', path: '/api/agent/applications/:number' },
  requestCompletion: { method: 'POST', path: '/api/agent/applications/:number/request-completion' },
  reject: { method: 'POST', path: '/api/agent/applications/:number/reject' },
  accept: { method: 'POST', path: '/api/agent/applications/:number/accept' },
  deliveries: { method: 'GET', path: '/api/agent/deliveries' },
  retryDelivery: { method: 'POST', path: '/api/agent/deliveries/:channel/:id/retry' },
};

export const candidateLinks: LinkAddresses<typeof contract.candidateLinks> = {
  pieceFile: { path: '/api/candidate/applications/:number/pieces/files/:fileId' },
  document: { path: '/api/candidate/applications/:number/documents/:kind' },
  ownEphotoPhoto: { path: '/api/candidate/own-applications/:number/ephoto/photo' },
  ownEphotoSignature: { path: '/api/candidate/own-applications/:number/ephoto/signature' },
  personalDataExport: { path: '/api/candidate/personal-data/export' },
  franceConnectLogin: { path: '/api/candidate/franceconnect/login' },
};

export const agentFiles: LinkAddresses<typeof contract.agentFiles> = {
  ephotoImage: { path: '/api/agent/applications/:number/ephoto/:image' },
  pieceFile: { path: '/api/agent/applications/:number/pieces/files/:fileId' },
};
