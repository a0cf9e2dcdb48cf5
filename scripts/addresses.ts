import * as ants from '@permis/ants-api';
import * as school from '@permis/school-api';

type Groups = Record<string, object>;

/**
 * The contracts' groups the pages call or link to. Each becomes, in the package's `addresses.ts`,
 * the same object without its zod schemas: its method, path and success status, typed as the
 * addresses of its contract (`Addresses` and `LinkAddresses` of @permis/platform/route). Links are the
 * files and downloads the browser opens itself (a path, no method).
 */
export const ADDRESS_FILES: { file: string; routes: Groups; links: Groups }[] = [
  {
    file: 'packages/ants-api/src/addresses.ts',
    routes: {
      sessionRoutes: ants.sessionRoutes,
      candidateSpace: ants.candidateSpace,
      proSpace: ants.proSpace,
      agentSpace: ants.agentSpace,
    },
    links: { candidateLinks: ants.candidateLinks, agentFiles: ants.agentFiles },
  },
  {
    file: 'packages/school-api/src/addresses.ts',
    routes: {
      sessionRoutes: school.sessionRoutes,
      userRoutes: school.userRoutes,
      officeRoutes: school.officeRoutes,
      studentRoutes: school.studentRoutes,
      onlineRoutes: school.onlineRoutes,
      adminRoutes: school.adminRoutes,
    },
    links: { studentFiles: school.studentFiles, onlineFiles: school.onlineFiles, adminFiles: school.adminFiles },
  },
];

const quoted = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

type Entries = Record<string, Record<string, unknown>>;

/** Each route or link of a group as its address; a group of routes within (one per step) as a group. */
function entries(group: Entries, indent: string, lines: string[]) {
  for (const [name, entry] of Object.entries(group)) {
    if (typeof entry.path !== 'string') {
      lines.push(`${indent}${name}: {`);
      entries(entry as Entries, `${indent}  `, lines);
      lines.push(`${indent}},`);
      continue;
    }
    const parts = [
      typeof entry.method === 'string' ? `method: ${quoted(entry.method)}` : undefined,
      `path: ${quoted(entry.path)}`,
      typeof entry.status === 'number' ? `status: ${entry.status}` : undefined,
    ].filter(Boolean);
    lines.push(`${indent}${name}: { ${parts.join(', ')} },`);
  }
}

/** The text of an addresses module, from the contract as it is now. */
export function addressesModule({ routes, links }: { routes: Groups; links: Groups }): string {
  const lines = [
    '// Written by scripts/generateAddresses.ts from the contract (npm run generate:addresses): do not edit.',
    '// The routes and links of the pages as they need them, without their zod schemas, so that a page',
    '// carries no zod. The compiler checks each against its contract (`Addresses`), and',
    '// scripts/addresses.test.ts that the file is current.',
    "import type { Addresses, LinkAddresses } from '@permis/platform/route';",
    "import type * as contract from './index.ts';",
  ];
  const groups = [...Object.entries(routes), ...Object.entries(links)];
  for (const [name, group] of groups) {
    const type = name in links ? 'LinkAddresses' : 'Addresses';
    lines.push('', `export const ${name}: ${type}<typeof contract.${name}> = {`);
    entries(group as Entries, '  ', lines);
    lines.push('};');
  }
  return `${lines.join('\n')}\n`;
}
