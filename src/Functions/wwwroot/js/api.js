// fetch wrapper: adds the key and principal headers, turns problem details into Errors with .detail and .status.

const KEY = 'pipelines.key';
const NAME = 'pipelines.name';

export const session = {
  get key() { return sessionStorage.getItem(KEY) || ''; },
  get name() { return sessionStorage.getItem(NAME) || ''; },
  admin: false,
  /** True when the host names you from your personal key; the name is then not sent (the host sets it). */
  verified: false,
  get signedIn() { return Boolean(sessionStorage.getItem(KEY)); },
  save(key, name) { sessionStorage.setItem(KEY, key); sessionStorage.setItem(NAME, name); },
  clear() { sessionStorage.removeItem(KEY); sessionStorage.removeItem(NAME); this.admin = false; this.verified = false; },
};

export class ApiError extends Error {
  constructor(status, detail, problem) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.problem = problem;
  }
}

/** Raised on the window when a call gets 401, so the shell shows the sign-in form. */
export const UNAUTHORIZED_EVENT = 'pipelines:unauthorized';

/**
 * request(path, { method, json, headers, signal, quiet401 }) → Response (ok) or throws ApiError.
 * quiet401: do not send the user back to sign-in on 401 (admin-only calls made by a non-admin).
 */
export async function request(path, options = {}) {
  const headers = new Headers(options.headers || {});
  if (session.key) headers.set('x-functions-key', session.key);
  if (session.name && !session.verified) headers.set('X-MS-CLIENT-PRINCIPAL-NAME', session.name);
  let body;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  }
  let response;
  try {
    response = await fetch(path, { method: options.method || 'GET', headers, body, signal: options.signal, cache: 'no-store' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The server could not be reached. Is the host running?', null);
  }
  if (response.ok) return response;
  const error = await toError(response);
  if (response.status === 401 && !options.quiet401) {
    window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT, { detail: error.detail }));
  }
  throw error;
}

async function toError(response) {
  let problem = null;
  let text = '';
  try {
    text = await response.text();
    problem = text ? JSON.parse(text) : null;
  } catch { problem = null; }
  let detail = problem && typeof problem === 'object' ? (problem.detail || problem.title || problem.message || problem.error) : null;
  if (!detail && text && text.length < 300 && !text.trimStart().startsWith('<')) detail = text.trim();
  if (!detail) {
    detail = {
      401: 'The access key was not accepted. Sign in again.',
      403: 'This needs the admin (master) key.',
      404: 'Not found.',
      409: 'That conflicts with the current state.',
      410: 'This is gone (expired).',
      412: 'The instance is not in a state that allows this.',
    }[response.status] || `The server answered ${response.status} ${response.statusText}.`;
  }
  return new ApiError(response.status, String(detail), problem);
}

export async function getJson(path, options = {}) {
  const response = await request(path, options);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** getJson for a polling page: a failure is shown in `messages` (a dom.js message area) and gives null. */
export async function getJsonShown(path, messages) {
  try {
    return await getJson(path);
  } catch (e) {
    messages.alert(e.detail || e.message);
    return null;
  }
}

export async function postJson(path, json, options = {}) {
  const response = await request(path, { ...options, method: options.method || 'POST', json });
  const text = await response.text();
  try { return text ? JSON.parse(text) : null; } catch { return text; }
}

export const enc = encodeURIComponent;
