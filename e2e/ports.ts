/**
 * The ports of the system global-setup.ts starts, kept apart from `npm start`'s; E2E_PORT_OFFSET
 * moves them all, so that a second run can go on beside the first on one machine.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const E2E_PORTS = {
  ants: 3110 + offset,
  school: 3210 + offset,
  smtp: 1035 + offset,
  mailWeb: 1090 + offset,
  franceConnect: 3310 + offset,
};
