import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type SchoolViewState, stateLabel } from '@permis/ants-api';
import { adminRoutes } from '@permis/school-api/addresses';
import { useApiCall } from '../../useApiData.ts';
import { TableScroll } from '../TableScroll.tsx';

/** A colour per state, the same in the bars and the legend (with the text for who cannot see it). */
const COLORS: Record<SchoolViewState, string> = {
  draft: '#868e96',
  awaiting_candidate: '#f08c00',
  under_instruction: '#1c7ed6',
  to_complete: '#e8590c',
  rejected: '#c92a2a',
  accepted: '#2f9e44',
  refused_by_candidate: '#862e9c',
  deleted: '#495057',
  transferred: '#0c8599',
};

const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** Applications per state by month of their last change, over the last twelve months. */
export function StatesChart({ officeId, version }: { officeId: string; version: number }) {
  const { data } = useApiCall(adminRoutes.stats, { query: { officeId } }, { version });
  if (!data) return null;
  const months = lastTwelveMonths();
  const states = (Object.keys(COLORS) as SchoolViewState[]).filter((state) =>
    data.months.some((m) => m.state === state),
  );
  const count = (month: string, state: string) =>
    data.months.find((m) => m.month === month && m.state === state)?.n ?? 0;
  const totals = months.map((month) => states.reduce((sum, state) => sum + count(month, state), 0));
  const max = Math.max(1, ...totals);
  const width = 560;
  const height = 160;
  const bar = width / months.length;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="chart-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="chart-title">
          Demandes par état sur les 12 derniers mois (mois de dernière modification)
        </Title>
        <svg viewBox={`0 0 ${width} ${height + 20}`} width="100%" role="img" style={{ maxWidth: width }}>
          <title>
            Graphique : nombre de demandes par mois, empilées par état (détail dans « Afficher les données du graphique
            »)
          </title>
          {months.map((month, i) => {
            let y = height;
            return (
              <g key={month}>
                {states.map((state) => {
                  const h = (count(month, state) / max) * (height - 10);
                  y -= h;
                  return h > 0 ? (
                    <rect key={state} x={i * bar + 4} y={y} width={bar - 8} height={h} fill={COLORS[state]} />
                  ) : null;
                })}
                <text x={i * bar + bar / 2} y={height + 14} fontSize="10" textAnchor="middle" fill="#343a40">
                  {MONTH.format(new Date(`${month}-01T00:00:00Z`))}
                </text>
              </g>
            );
          })}
        </svg>
        <Group gap="md">
          {states.map((state) => (
            <Group key={state} gap={4}>
              <span aria-hidden style={{ width: 12, height: 12, background: COLORS[state], display: 'inline-block' }} />
              <Text size="xs">{stateLabel(state, '02')}</Text>
            </Group>
          ))}
          {states.length === 0 && <Text size="sm">Aucune demande sur la période.</Text>}
        </Group>
        {/* The figures in words for everyone (the colours alone would carry the states: RGAA 3.1). */}
        <details>
          <summary>
            <Text span size="sm">
              Afficher les données du graphique
            </Text>
          </summary>
          <TableScroll label="Données du graphique" minWidth={560}>
            <Table striped>
              <caption>Nombre de demandes par mois et par état</caption>
              <thead>
                <tr>
                  <th scope="col">Mois</th>
                  {states.map((state) => (
                    <th key={state} scope="col">
                      {stateLabel(state, '02')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month}>
                    <th scope="row">{MONTH.format(new Date(`${month}-01T00:00:00Z`))}</th>
                    {states.map((state) => (
                      <td key={state}>{count(month, state)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          </TableScroll>
        </details>
      </Stack>
    </Paper>
  );
}

/** "2025-12" … "2026-11": the current month in Paris and the eleven before. */
function lastTwelveMonths(): string[] {
  const now = new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(
    new Date(),
  );
  const [year, month] = now.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (11 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}
