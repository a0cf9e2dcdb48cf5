import { createRequire } from 'node:module';
import { type Dataset, dataset } from './dataset.ts';
import { departmentOfPostalCode } from './towns.ts';

/** A préfecture or sous-préfecture: the seat of a département or of one of its arrondissements. */
export type Prefecture = {
  /** INSEE code of the seat's commune, e.g. "35238". */
  code: string;
  /** The seat, as the lists show it: "RENNES". */
  name: string;
  kind: 'prefecture' | 'sous-prefecture';
  department: string;
  /** "Préfecture de Rennes", "Sous-préfecture de Saint-Malo". */
  label: string;
};

type RawArrondissement = { departement: string; chefLieu: string };
const require = createRequire(import.meta.url);
let seats: Map<string, Prefecture[]> | undefined;
/** The same seats by their commune's code: every application's check looks one up. */
let seatsByCode: Map<string, Prefecture> | undefined;

function build(data: Dataset): Map<string, Prefecture[]> {
  const arrondissements = require('@etalab/decoupage-administratif/data/arrondissements.json') as RawArrondissement[];
  const map = new Map<string, Prefecture[]>();
  for (const department of data.departments) {
    const seat = data.communesByCode.get(department.chefLieuCode);
    if (!seat) continue;
    const list: Prefecture[] = [
      {
        code: seat.code,
        name: seat.key,
        kind: 'prefecture',
        department: department.code,
        label: `Préfecture de ${seat.name}`,
      },
    ];
    for (const arrondissement of arrondissements.filter((a) => a.departement === department.code)) {
      const sub = data.communesByCode.get(arrondissement.chefLieu);
      if (!sub || sub.code === seat.code) continue;
      list.push({
        code: sub.code,
        name: sub.key,
        kind: 'sous-prefecture',
        department: department.code,
        label: `Sous-préfecture de ${sub.name}`,
      });
    }
    map.set(department.code, list);
  }
  return map;
}

/** The préfecture and sous-préfectures of the département of a postal code (an office's address). */
export function prefecturesForPostalCode(postalCode: string, data: Dataset = dataset()): Prefecture[] {
  seats ??= build(data);
  const department = departmentOfPostalCode(postalCode.trim());
  return department ? (seats.get(department) ?? []) : [];
}

export function findPrefecture(code: string, data: Dataset = dataset()): Prefecture | undefined {
  seats ??= build(data);
  seatsByCode ??= new Map([...seats.values()].flat().map((seat) => [seat.code, seat]));
  return seatsByCode.get(code);
}
