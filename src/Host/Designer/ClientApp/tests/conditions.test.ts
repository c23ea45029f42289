/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeCondition, parseCondition } from '../src/model/conditions';

test('simple conditions read into clauses and write back the same text', () => {
  for (const text of [
    "variables.advies.keuze === 'positief'",
    "input.soort === 'begroting' || input.soort === 'begrotingswijziging'",
    'input.terugkoppelingColleges === true && !variables.terugkoppeling',
    'variables.bedrag > 1000',
    'variables.reactie !== null && variables.reactie',
    "input.titel === 'het \\'echte\\' voorstel'",
    'variables.reactie !== null && variables.reactie !== undefined',
  ]) {
    const parsed = parseCondition(text);
    assert.ok(parsed, text);
    assert.equal(composeCondition(parsed), text);
  }
});

test('clauses carry subject, operator, value and its kind', () => {
  assert.deepEqual(parseCondition("input.soort === 'begroting'"), {
    join: '&&',
    clauses: [{ subject: 'input.soort', operator: '===', value: 'begroting', kind: 'text' }],
  });
  assert.deepEqual(parseCondition('variables.n >= 3')!.clauses[0], { subject: 'variables.n', operator: '>=', value: '3', kind: 'number' });
  assert.equal(parseCondition("input.x === '12'")!.clauses[0]!.kind, 'text');
});

test('what the builder cannot show is left to the expression mode', () => {
  for (const text of [
    "['a', 'b'].includes(input.soort)",
    "input.a === 'x' && (input.b || input.c)",
    "input.a === 'x' && input.b === 'y' || input.c",
    'foo.bar === 1',
    "input.pijler === 'ZorgEnVeiligheid' ? 'vg-zv' : 'vg-pg'",
  ]) {
    assert.equal(parseCondition(text), null, text);
  }
});

test('a value is written as the kind chosen', () => {
  const text = composeCondition({
    join: '&&',
    clauses: [
      { subject: 'input.a', operator: '===', value: "it's", kind: 'text' },
      { subject: 'input.b', operator: '>', value: '12', kind: 'number' },
      { subject: 'input.c', operator: '===', value: 'false', kind: 'boolean' },
      { subject: 'input.d', operator: '!==', value: '', kind: 'null' },
      { subject: 'input.', operator: '===', value: 'half typed', kind: 'text' },
    ],
  });
  assert.equal(text, "input.a === 'it\\'s' && input.b > 12 && input.c === false && input.d !== null");
});
