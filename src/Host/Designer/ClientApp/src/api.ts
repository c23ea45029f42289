// The server's API. Same-site cookie authentication: fetch with credentials 'same-origin'; every call that changes
// something (anything but GET) also sends the page's antiforgery token in X-CSRF-TOKEN, without which the server
// refuses it. Errors are RFC 7807 problem details; a validation problem carries errors: [{ path, message }].

import type {
  ActivityDescriptor,
  Body,
  DefinitionListItem,
  Definition,
  Diff,
  Draft,
  MigrationPlanItem,
  MigrationResultItem,
  ServerError,
  TestRunResult,
  VersionInfo,
} from './types';
import type { RouteAnalysis } from './model/paths';

export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly errors: ServerError[];

  constructor(status: number, title: string, detail: string | null, errors: ServerError[]) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ProblemError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Het verzoek is niet geldig',
  401: 'U bent niet (meer) aangemeld',
  403: 'U hebt geen toegang',
  404: 'Niet gevonden',
  409: 'Iemand anders heeft intussen gewijzigd',
  415: 'Verkeerd type inhoud',
  422: 'Kan niet worden uitgevoerd',
  500: 'Fout op de server',
};

/** Problem details' `errors` may be a list of { path, message } or ASP.NET's { field: [messages] } map. */
function readErrors(value: unknown): ServerError[] {
  if (Array.isArray(value)) {
    return value
      .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
      .map((e) => ({
        path: typeof e['path'] === 'string' ? e['path'] : '',
        message: typeof e['message'] === 'string' ? e['message'] : JSON.stringify(e),
        ...(typeof e['code'] === 'string' ? { code: e['code'] } : {}),
      }));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value as Record<string, unknown>).flatMap(([path, messages]) =>
      (Array.isArray(messages) ? messages : [messages]).map((m) => ({ path, message: String(m) })),
    );
  }
  return [];
}

async function problemOf(response: Response): Promise<ProblemError> {
  let body: Record<string, unknown> = {};
  try {
    const text = await response.text();
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  const title = typeof body['title'] === 'string' ? body['title'] : (STATUS_TEXT[response.status] ?? `HTTP ${response.status}`);
  const detail = typeof body['detail'] === 'string' ? body['detail'] : null;
  return new ProblemError(response.status, title, detail, readErrors(body['errors']));
}

/** The header the server reads the antiforgery token from (ApiRequestGuard.TokenHeader). */
export const TOKEN_HEADER = 'X-CSRF-TOKEN';

let requestToken = '';

/** The antiforgery token the hosting page gave (data-csrf-token); sent with every call that changes something. */
export function setRequestToken(token: string): void {
  requestToken = token;
}

/** The headers of one call: JSON both ways, and the antiforgery token on anything but a GET. */
export function requestHeaders(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (hasBody) headers['Content-Type'] = 'application/json';
  if (method.toUpperCase() !== 'GET' && method.toUpperCase() !== 'HEAD') headers[TOKEN_HEADER] = requestToken;
  return headers;
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: requestHeaders(method, body !== undefined),
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  } catch {
    throw new ProblemError(0, 'Geen verbinding met de server', null, []);
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const enc = encodeURIComponent;

export const api = {
  activityTypes: () => request<ActivityDescriptor[]>('GET', '/api/activity-types'),
  definitions: () => request<DefinitionListItem[]>('GET', '/api/definitions'),
  governanceBodies: async (): Promise<Body[]> => {
    const response = await request<{ document?: { bodies?: Body[] } }>('GET', '/api/governance');
    return response.document?.bodies ?? [];
  },
  getDraft: (id: string) => request<Draft>('GET', `/api/definitions/${enc(id)}/draft`),
  saveDraft: (id: string, revision: number, definition: Definition) =>
    request<Draft>('PUT', `/api/definitions/${enc(id)}/draft`, { revision, definition }),
  deleteDraft: (id: string) => request<void>('DELETE', `/api/definitions/${enc(id)}/draft`),
  publish: (id: string) => request<{ version: number; changed: boolean }>('POST', `/api/definitions/${enc(id)}/draft/publish`),
  versions: (id: string) => request<VersionInfo[]>('GET', `/api/definitions/${enc(id)}/versions`),
  version: (id: string, version: number) => request<Definition>('GET', `/api/definitions/${enc(id)}/versions/${version}`),
  diff: (id: string, from: string, to: string) =>
    request<Diff>('GET', `/api/definitions/${enc(id)}/diff?from=${enc(from)}&to=${enc(to)}`),
  revert: (id: string, version: number) => request<Draft>('POST', `/api/definitions/${enc(id)}/versions/${version}/revert`),
  importDefinition: (json: string) => request<Draft>('POST', '/api/definitions/import', json),
  testRun: (id: string, start: string, input: Record<string, unknown>, outcomes: Record<string, string> = {}) =>
    request<TestRunResult>('POST', `/api/definitions/${enc(id)}/draft/test-run`, { start, input, outcomes }),
  paths: (id: string) => request<RouteAnalysis>('GET', `/api/definitions/${enc(id)}/draft/paths`),
  migrationPlan: (id: string, to: number) => request<MigrationPlanItem[]>('GET', `/api/definitions/${enc(id)}/migration?to=${to}`),
  migrate: (id: string, to: number, instances: string[]) =>
    request<MigrationResultItem[]>('POST', `/api/definitions/${enc(id)}/migration`, { to, instances }),
};

export function describeProblem(error: unknown): string {
  if (error instanceof ProblemError) return error.detail ? `${error.title}: ${error.detail}` : error.title;
  if (error instanceof Error) return error.message;
  return String(error);
}
