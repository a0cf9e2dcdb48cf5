import type { Office, OfficeSummary } from '@permis/school-api';
import { prefectureName } from './prefecture.ts';
import type { OfficeRow } from './save.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** An office as the dirigeant sees it: never its secrets, only whether a password is set. */
export function officeView(row: OfficeRow): Office {
  return {
    id: row.id,
    name: row.name,
    addressLine: row.addressLine,
    postalCode: row.postalCode,
    city: row.city,
    phone: row.phone,
    cerfaAgrement: row.cerfaAgrement,
    antsLogin: row.antsLogin,
    hasAntsPassword: Boolean(row.antsPasswordSealed),
    prefectureCode: row.prefectureCode,
    prefectureName: prefectureName(row.prefectureCode),
    antsCredentialsCheck: row.antsCredentialsCheck,
    antsCredentialsCheckedAt: iso(row.antsCredentialsCheckedAt),
    antsLastHeardAt: iso(row.antsLastHeardAt),
    webhookUrl: row.webhookUrl,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What every user sees of an office. */
export function officeSummary(row: OfficeRow): OfficeSummary {
  return {
    id: row.id,
    name: row.name,
    addressLine: row.addressLine,
    postalCode: row.postalCode,
    city: row.city,
    hasAgrement: Boolean(row.cerfaAgrement && row.antsLogin && row.antsPasswordSealed),
  };
}
