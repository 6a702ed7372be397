// Parameter checks for values the dashboard interprets itself (the API checks the rest).
export class ParamError extends Error {
  constructor(parameter, message) {
    super(message);
    this.parameter = parameter;
  }
}

// Rejects parameters a page does not know, so a typo in a shared link is not silently ignored.
export function allowOnly(params, names) {
  for (const k of params.keys()) {
    if (!names.includes(k)) throw new ParamError(k, `unknown parameter '${k}' (allowed: ${names.join(', ')})`);
  }
}

export function intParam(params, name, def, lo, hi) {
  const v = params.get(name);
  if (v === null || v === '') return def;
  if (!/^-?\d+$/.test(v) || +v < lo || +v > hi) throw new ParamError(name, `'${name}' must be a whole number from ${lo} to ${hi}, not '${v}'`);
  return +v;
}

// First and last day of a period from /api/dyad ("2025-09-02", "2025-W36", "2025-09").
export function periodRange(period) {
  let m = /^(\d{4})-W(\d{2})$/.exec(period);
  if (m) {
    const y = +m[1], w = +m[2];
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (w - 1) * 7 * 86400000);
    const sunday = new Date(monday.getTime() + 6 * 86400000);
    return [monday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10)];
  }
  return [period, period];
}

// The periods from `first` to `last` inclusive ("2025-09-02", "2025-W36" or "2025-09"), so a
// timeline has a slot for every period, empty or not; null when there would be more than `max`.
export function periodSequence(first, last, max = 1500) {
  const out = [];
  const day = (d) => d.toISOString().slice(0, 10);
  if (/^\d{4}-\d{2}$/.test(first)) {
    let [y, m] = first.split('-').map(Number);
    for (let p = first; p <= last && out.length <= max; ) {
      out.push(p);
      m += 1;
      if (m > 12) { m = 1; y += 1; }
      p = `${y}-${String(m).padStart(2, '0')}`;
    }
  } else if (/^\d{4}-W\d{2}$/.test(first)) {
    let d = new Date(periodRange(first)[0] + 'T00:00:00Z');
    for (let p = first; p <= last && out.length <= max; ) {
      out.push(p);
      d = new Date(d.getTime() + 7 * 86400000);
      p = isoWeek(d);
    }
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(first)) {
    let d = new Date(first + 'T00:00:00Z');
    for (let p = first; p <= last && out.length <= max; ) {
      out.push(p);
      d = new Date(d.getTime() + 86400000);
      p = day(d);
    }
  } else {
    return null;
  }
  return out.length > max ? null : out;
}

function isoWeek(date) {
  const d = new Date(date.getTime());
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));  // Thursday of this week.
  const y = d.getUTCFullYear();
  const week = 1 + Math.floor((d - Date.UTC(y, 0, 1)) / 86400000 / 7);
  return `${y}-W${String(week).padStart(2, '0')}`;
}

// rows (sorted or not) filled with empty periods over [first, last] of `all` periods.
export function fillRows(rows, allPeriods) {
  if (!allPeriods.length) return rows;
  const sorted = [...allPeriods].sort();
  const seq = periodSequence(sorted[0], sorted[sorted.length - 1]);
  if (!seq) return rows;
  const by = new Map(rows.map((r) => [r.period, r]));
  return seq.map((p) => by.get(p) || { period: p, events: 0, quad_counts: [0, 0, 0, 0], mean_goldstein: null });
}
