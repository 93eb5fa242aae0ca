// The service's API: the key from this tab's session, JSON in, RFC 9457 problems out as ApiError.
import { acceptLanguage } from './i18n.js';

const KEY_STORAGE = 'perfeval.apiKey';
const BASE = 'api/v1';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY_STORAGE),
  set: (value) => sessionStorage.setItem(KEY_STORAGE, value),
  clear: () => sessionStorage.removeItem(KEY_STORAGE),
};

/** A refused or failed request: the HTTP status and the problem's title, detail and trace id as the service sent them. */
export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title ?? null;
    this.detail = problem.detail ?? null;
    this.traceId = problem.traceId ?? null;
    this.errors = problem.errors ?? null;
  }
}

function url(path, query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return `${BASE}${path}${text ? `?${text}` : ''}`;
}

async function send(path, query, accept) {
  const headers = { Accept: accept, 'Accept-Language': acceptLanguage() };
  const key = apiKey.get();
  if (key) headers['X-Api-Key'] = key;
  let response;
  try {
    response = await fetch(url(path, query), { headers });
  } catch {
    throw new ApiError(0, {});
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      // Not a problem document (a proxy's page, an empty body): the status alone says enough.
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function getJson(path, query) {
  const response = await send(path, query, 'application/json');
  return response.json();
}

/**
 * A file the API streams (a year export): fetched with the key, since a plain link cannot send the
 * header, then handed to the browser as a download under the name the service gives it.
 */
export async function download(path, query, fallbackName) {
  const response = await send(path, query, '*/*');
  const blob = await response.blob();
  const name = fileName(response.headers.get('Content-Disposition')) ?? fallbackName;
  saveBlob(blob, name);
}

export function saveBlob(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

function fileName(disposition) {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

/** A write: the body as given, its headers, the key and language; the answer's JSON, or an ApiError. */
async function write(method, path, body, headers = {}) {
  const all = { Accept: 'application/json', 'Accept-Language': acceptLanguage(), ...headers };
  const key = apiKey.get();
  if (key) all['X-Api-Key'] = key;
  let response;
  try {
    response = await fetch(url(path), { method, headers: all, body });
  } catch {
    throw new ApiError(0, {});
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

const REPORT_TYPES = {
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** Report imports: upload a report file, correct its draft by field path, commit it. */
export const imports = {
  list: () => getJson('/report-imports', { limit: 50 }),
  get: (id) => getJson(`/report-imports/${id}`),
  upload: (file) => write('POST', '/report-imports', file, {
    'Content-Type': file.type || REPORT_TYPES[file.name.split('.').pop().toLowerCase()] || 'application/octet-stream',
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  }),
  correct: (id, version, fields) => write('PATCH', `/report-imports/${id}`, JSON.stringify({ fields }),
    { 'Content-Type': 'application/json', 'If-Match': `"${version}"` }),
  commit: (id, replace) => write('POST', `/report-imports/${id}/commit${replace ? '?replace=true' : ''}`),
};

export const api = {
  fiscalYears: () => getJson('/fiscal-years', { limit: 500 }),
  ranking: (year, query) => getJson(`/fiscal-years/${year}/scorecards`, query),
  summary: (year) => getJson(`/fiscal-years/${year}/summary`),
  findings: (year, query) => getJson(`/fiscal-years/${year}/findings`, query),
  scorecard: (code, year) => getJson(`/departments/${encodeURIComponent(code)}/evaluations/${year}`, { explain: true }),
  departmentYears: (code) => getJson(`/departments/${encodeURIComponent(code)}/evaluations`),
  /** The department-year's latest monitoring round with its lights; null when it has none (404). */
  monitoring: (code, year) => getJson(`/departments/${encodeURIComponent(code)}/monitoring/${year}`)
    .catch((e) => { if (e instanceof ApiError && e.status === 404) return null; throw e; }),
  /** The department-year's self-evaluation report (Word) or 自评表 (Excel), rendered by the service. */
  document: (code, year, kind) =>
    download(`/departments/${encodeURIComponent(code)}/evaluations/${year}/${kind}`, undefined, `${code}-${year}-${kind}.${kind === 'report' ? 'docx' : 'xlsx'}`),
  exportYear: (year, dataset, format) =>
    download(`/fiscal-years/${year}/export`, { dataset, format }, `perfeval-${year}-${dataset}.${format}`),
};
