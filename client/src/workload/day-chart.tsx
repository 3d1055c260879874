import { Bar, BarChart, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { hours } from '../lib/format';

export interface DayBar {
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  /** "Mo 30". */
  label: string;
  bookedMinutes: number;
  capacityMinutes: number;
  over: boolean;
}

function DayTip({ active, payload }: { active?: boolean; payload?: readonly { payload?: DayBar }[] }) {
  const day = payload?.[0]?.payload;
  if (!active || !day) return null;
  return (
    <div className="day-chart__tip">
      <strong>{day.label}</strong> {hours(day.bookedMinutes)} of {hours(day.capacityMinutes)}
      {day.over ? ' · over a day’s share' : ''}
    </div>
  );
}

/**
 * One member's days as bars (Recharts), the day's share of capacity as a dashed line, days over
 * it in the danger colour. The same scale for every row (`maxMinutes`) so rows compare at a
 * glance. Decorative for assistive tech: the day buttons under it carry the figures.
 */
export function DayChart({ days, maxMinutes, selected, onPick }: { days: readonly DayBar[]; maxMinutes: number; selected: string | null; onPick: (date: string) => void }) {
  const capacity = days[0]?.capacityMinutes ?? 0;
  return (
    <div className="day-chart" aria-hidden="true">
      <BarChart responsive data={[...days]} margin={{ top: 4, right: 0, bottom: 0, left: 0 }} barCategoryGap="18%" style={{ width: '100%', height: '100%' }} accessibilityLayer={false}>
        <XAxis dataKey="date" hide />
        <YAxis hide domain={[0, Math.max(maxMinutes, 60)]} />
        <Tooltip content={<DayTip />} cursor={{ className: 'day-chart__cursor' }} isAnimationActive={false} />
        {capacity > 0 ? <ReferenceLine y={capacity} className="day-chart__capacity" strokeDasharray="4 3" ifOverflow="extendDomain" /> : null}
        <Bar dataKey="bookedMinutes" isAnimationActive={false} minPointSize={2} onClick={(entry: { payload?: DayBar }) => entry.payload && onPick(entry.payload.date)}>
          {days.map((day) => (
            <Cell
              key={day.date}
              className={`day-chart__bar${day.over ? ' day-chart__bar--over' : ''}${day.bookedMinutes === 0 ? ' day-chart__bar--free' : ''}${selected === day.date ? ' day-chart__bar--selected' : ''}`}
            />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}
