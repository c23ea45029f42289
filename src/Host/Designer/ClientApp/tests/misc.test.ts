/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeDuration, isValidDuration } from '../src/model/duration';
import { previewMail, unknownPlaceholders } from '../src/model/mail';
import { layoutPositions } from '../src/model/layout';
import { pathEdges, toFlowNodes } from '../src/model/flow';
import { placeNewStep } from '../src/model/placement';
import { formatWhen } from '../src/labels';
import { shipped } from './fixtures';

test('durations are read as the engine reads them and told in Dutch', () => {
  assert.equal(describeDuration('P6W'), '6 weken');
  assert.equal(describeDuration('P1W'), '1 week');
  assert.equal(describeDuration('P1M2W'), '1 maand en 2 weken');
  assert.equal(describeDuration('P1DT2H30M'), '1 dag, 2 uur en 30 minuten');
  for (const bad of ['P', 'PT', 'P1DT', '6W', 'P6w', '']) assert.equal(isValidDuration(bad), false, bad);
});

test('the mail preview fills the known placeholders and names the unknown ones', () => {
  assert.equal(previewMail('Verzoek {titel} voor {naam} ({x})', { titel: 'Begroting', naam: 'An' }), 'Verzoek Begroting voor An ({x})');
  assert.deepEqual(unknownPlaceholders('{naam} {x} {y} {x}'), ['x', 'y']);
});

test('auto-layout places every step, left to right along the route', () => {
  const { definition } = shipped('voorbeeld-termijn');
  const p = layoutPositions(definition, new Map());
  assert.equal(p.size, definition.root.activities.length);
  assert.ok(p.get('start')!.x < p.get('splits')!.x);
  assert.ok(p.get('splits')!.x < p.get('eerste')!.x);
  assert.ok(p.get('gereageerd')!.x < p.get('metReactie')!.x);
});

test('a test run path marks the connections it went along', () => {
  const { definition } = shipped('voorbeeld-termijn');
  const edges = pathEdges(definition, ['start', 'splits', 'termijn', 'eerste', 'gereageerd', 'zonderReactie'], new Map([['gereageerd', 'False']]));
  assert.deepEqual([...edges], ['start:Done->splits', 'splits:termijn->termijn', 'termijn:Done->eerste', 'eerste:Done->gereageerd', 'gereageerd:False->zonderReactie']);
});

test('nodes of unchanged steps are reused; a selection can be set', () => {
  const { definition } = shipped('voorbeeld-termijn');
  const first = toFlowNodes([], definition);
  const again = toFlowNodes(first, definition);
  assert.ok(first.every((n, i) => n === again[i]));
  const selected = toFlowNodes(first, definition, new Set(['termijn']));
  assert.deepEqual(selected.filter((n) => n.selected).map((n) => n.id), ['termijn']);
});

test('a connection to a step that does not exist is kept on the step it leaves from', () => {
  const { definition } = shipped('voorbeeld-termijn');
  const connections = definition.root.connections.map((c, i) => (i === 0 ? { ...c, target: { ...c.target, activity: 'bestaatNiet' } } : c));
  const broken = { ...definition, root: { ...definition.root, connections } };
  const source = connections[0]!.source;
  const nodes = toFlowNodes([], broken);
  assert.deepEqual(nodes.find((n) => n.id === source.activity)!.data.looseEnds, [
    { edgeId: `${source.activity}:${source.port}->bestaatNiet`, port: source.port, target: 'bestaatNiet' },
  ]);
  assert.ok(nodes.filter((n) => n.id !== source.activity).every((n) => n.data.looseEnds.length === 0));
  // Repaired, the step is drawn again without it.
  const repaired = toFlowNodes(nodes, definition);
  assert.deepEqual(repaired.find((n) => n.id === source.activity)!.data.looseEnds, []);
});

test('a step added with the keyboard goes right of the selected step, below any step already there', () => {
  const { definition } = shipped('voorbeeld-termijn');
  const at = (id: string) => definition.root.activities.find((a) => a.id === id)!.designer!;
  // Right of metReactie (its width and a gap: 160 + 80) is free: the new step goes level with it.
  assert.deepEqual(placeNewStep(definition, 'metReactie', new Map(), { x: 0, y: 0 }), { x: at('metReactie').x + 240, y: at('metReactie').y });
  // Right of splits, its two branches (wachtOpReactie and termijn) are within reach, so the new step moves down.
  const p = placeNewStep(definition, 'splits', new Map(), { x: 0, y: 0 });
  assert.equal(p.x, at('splits').x + 240);
  assert.ok(p.y >= at('splits').y);
});

test('the save time says the hour today and the date on another day, in Dutch time', () => {
  const now = new Date('2027-01-06T15:00:00Z');
  assert.equal(formatWhen('2027-01-06T09:42:00Z', now), 'om 10:42');
  assert.match(formatWhen('2027-01-05T09:42:00Z', now), /^op 5 januari 2027( om|,) 10:42$/);
});
