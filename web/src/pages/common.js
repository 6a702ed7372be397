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
