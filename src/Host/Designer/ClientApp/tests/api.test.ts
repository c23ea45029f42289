/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, setRequestToken, TOKEN_HEADER } from '../src/api';

type Call = { url: string; method: string; headers: Record<string, string> };

/** Replaces fetch for one test and records what the app sent. */
function recordFetch(): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? 'GET', headers: init.headers as Record<string, string> });
    return new Response(JSON.stringify({}), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return calls;
}

test('every call that changes something sends the page token; reading does not', async () => {
  const calls = recordFetch();
  setRequestToken('token-van-de-pagina');

  await api.saveDraft('voorstel', 3, {} as never);
  await api.publish('voorstel');
  await api.deleteDraft('voorstel');
  await api.importDefinition('{"definitionId":"x"}');
  await api.getDraft('voorstel');

  assert.deepEqual(calls.map((c) => [c.method, c.headers[TOKEN_HEADER]]), [
    ['PUT', 'token-van-de-pagina'],
    ['POST', 'token-van-de-pagina'],
    ['DELETE', 'token-van-de-pagina'],
    ['POST', 'token-van-de-pagina'],
    ['GET', undefined],
  ]);
  assert.equal(calls[0]!.headers['Content-Type'], 'application/json');
  assert.equal(calls[3]!.headers['Content-Type'], 'application/json', 'an imported file goes as JSON too');
});
