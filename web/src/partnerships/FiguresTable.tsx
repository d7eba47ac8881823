import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PartnerFigures } from './api';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const days = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} days`);

/** Referral figures per partner agency: a table, and the same numbers as a chart. */
export function FiguresTable({ items }: { items: PartnerFigures[] }) {
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Referrals by partner agency</caption>
          <thead>
            <tr>
              <th scope="col">Partner agency</th>
              <th scope="col">Sent</th>
              <th scope="col">Accepted</th>
              <th scope="col">Declined</th>
              <th scope="col">Completed</th>
              <th scope="col">Acceptance</th>
              <th scope="col">Time to respond</th>
              <th scope="col">Time to outcome</th>
            </tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <tr key={f.partnerId}>
                <td>{f.partnerName}</td>
                <td>{f.sent}</td>
                <td>{f.accepted}</td>
                <td>{f.declined}</td>
                <td>{f.completed}</td>
                <td>{pct(f.acceptanceRate)}</td>
                <td>{days(f.meanDaysToRespond)}</td>
                <td>{days(f.meanDaysToClose)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {items.some((f) => f.sent > 0) && (
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={items} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="partnerName" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="sent" name="Sent" fill="#2f6f9f" />
              <Bar dataKey="accepted" name="Accepted" fill="#1f5f4a" />
              <Bar dataKey="declined" name="Declined" fill="#b35c00" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </>
  );
}
