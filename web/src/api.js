// Fetches from the JSON API (docs/api.md). Errors carry the API's message and parameter name.
export class ApiError extends Error {
  constructor(message, parameter, status) {
    super(message);
    this.parameter = parameter || '';
    this.status = status || 0;
  }
}

export async function api(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
  let res;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new ApiError('cannot reach the server: ' + e.message);
  }
  let body;
  try {
    body = await res.json();
  } catch (e) {
    throw new ApiError(`the server answered ${res.status} without JSON`, '', res.status);
  }
  if (!res.ok) throw new ApiError(body.error || `HTTP ${res.status}`, body.parameter, res.status);
  return body;
}
