// Written by scripts/generateAddresses.ts from the contract (npm run generate:addresses): do not edit.
// The routes and links of the pages as they need them, without their zod schemas, so that a page
// carries no zod. The compiler checks each against its contract (`Addresses`), and
// scripts/addresses.test.ts that the file is current.
import type { Addresses, LinkAddresses } from '@permis/platform/route';
import type * as contract from './index.ts';

export const sessionRoutes: Addresses<typeof contract.sessionRoutes> = {
  login: { method: 'POST', path: '/api/auth/login' },
  session: { method: 'GET', path: '/api/auth/session' },
  logout: { method: 'POST', path: '/api/auth/logout' },
};

export const userRoutes: Addresses<typeof contract.userRoutes> = {
  list: { method: 'GET', path: '/api/dirigeant/users' },
  create: { method: 'POST', path: '/api/dirigeant/users', status: 201 },
  rights: { method: 'GET', path: '/api/dirigeant/users/:id/rights' },
  setRights: { method: 'PUT', path: '/api/dirigeant/users/:id/rights' },
};

export const officeRoutes: Addresses<typeof contract.officeRoutes> = {
  list: { method: 'GET', path: '/api/offices' },
  setup: { method: 'GET', path: '/api/dirigeant/offices' },
  create: { method: 'POST', path: '/api/dirigeant/offices', status: 201 },
  update: { method: 'PUT', path: '/api/dirigeant/offices/:id' },
  prefectures: { method: 'POST', path: '/api/dirigeant/offices/:id/prefectures' },
};

export const studentRoutes: Addresses<typeof contract.studentRoutes> = {
  list: { method: 'GET', path: '/api/students' },
  create: { method: 'POST', path: '/api/students', status: 201 },
  update: { method: 'PUT', path: '/api/students/:id' },
  student: { method: 'GET', path: '/api/students/:id' },
  dossier: { method: 'GET', path: '/api/students/:id/dossier' },
  saveDossier: { method: 'PUT', path: '/api/students/:id/dossier' },
  places: { method: 'PUT', path: '/api/students/:id/places' },
  documents: { method: 'GET', path: '/api/students/:id/documents' },
  addDocument: { method: 'POST', path: '/api/students/:id/documents', status: 201 },
  deleteDocument: { method: 'DELETE', path: '/api/students/:id/documents/:documentId' },
};

export const onlineRoutes: Addresses<typeof contract.onlineRoutes> = {
  overview: { method: 'GET', path: '/api/students/:id/online' },
  prefectures: { method: 'GET', path: '/api/students/:id/online/prefectures' },
  enter: { method: 'POST', path: '/api/students/:id/online', status: 201 },
  recreate: { method: 'POST', path: '/api/students/:id/online/:number/recreate', status: 201 },
  refresh: { method: 'POST', path: '/api/students/:id/online/:number/refresh' },
  transfer: { method: 'POST', path: '/api/students/:id/online/transfer' },
  validate: { method: 'POST', path: '/api/students/:id/online/:number/validate' },
  complete: { method: 'POST', path: '/api/students/:id/online/:number/complete' },
  remove: { method: 'DELETE', path: '/api/students/:id/online/:number' },
  pieces: { method: 'GET', path: '/api/students/:id/online/:number/pieces' },
  uploadPiece: { method: 'POST', path: '/api/students/:id/online/:number/pieces/:kind', status: 201 },
  pieceFromDocument: { method: 'POST', path: '/api/students/:id/online/:number/pieces/:kind/from-document', status: 201 },
  deletePieceFile: { method: 'DELETE', path: '/api/students/:id/online/:number/pieces/files/:fileId' },
  setEphoto: { method: 'PUT', path: '/api/students/:id/online/:number/ephoto' },
  ephoto: { method: 'GET', path: '/api/students/:id/online/:number/ephoto' },
  deleteEphoto: { method: 'DELETE', path: '/api/students/:id/online/:number/ephoto' },
  documents: { method: 'GET', path: '/api/students/:id/online/:number/documents' },
};

export const adminRoutes: Addresses<typeof contract.adminRoutes> = {
  list: { method: 'GET', path: '/api/admin/online-applications' },
  startSync: { method: 'POST', path: '/api/admin/offices/:officeId/sync', status: 202 },
  sync: { method: 'GET', path: '/api/admin/offices/:officeId/sync' },
  link: { method: 'POST', path: '/api/admin/online-applications/:number/link' },
  stats: { method: 'GET', path: '/api/admin/online-applications/stats' },
};

export const studentFiles: LinkAddresses<typeof contract.studentFiles> = {
  document: { path: '/api/students/:id/documents/:documentId' },
};

export const onlineFiles: LinkAddresses<typeof contract.onlineFiles> = {
  cerfa: { path: '/api/students/:id/cerfa/:type' },
  pieceFile: { path: '/api/students/:id/online/:number/pieces/files/:fileId' },
  ephotoImage: { path: '/api/students/:id/online/:number/ephoto/:image' },
  document: { path: '/api/students/:id/online/:number/documents/:kind' },
};

export const adminFiles: LinkAddresses<typeof contract.adminFiles> = {
  export: { path: '/api/admin/online-applications/export' },
};
