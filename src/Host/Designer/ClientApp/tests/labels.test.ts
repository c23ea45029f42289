/// <reference types="node" />
// Ports, choices and variables read by the Dutch labels their declarations give, never by their codes: the
// choices in the property panel, the exits on the canvas, in the error list and in a test run, and a Switch's
// cases, whose label is edited in the panel and stored in the definition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReactFlowProvider } from '@xyflow/react';
import { findActivity, portLabelOf, portsOf, serialize, setInput, withCaseLabel } from '../src/model/definition';
import { mapErrors } from '../src/model/errors';
import { toFlowEdges, toFlowNodes } from '../src/model/flow';
import { InputEditor } from '../src/components/InputEditor';
import { ActivityNode } from '../src/components/ActivityNode';
import { EditorContext } from '../src/components/EditorContext';
import { ErrorList } from '../src/components/ErrorList';
import { PropertyPanel } from '../src/components/PropertyPanel';
import { TestRunResultView } from '../src/components/TestRunPanel';
import type { Activity, Definition, InputDescriptor, TestRunResult } from '../src/types';
import { descriptors, shipped } from './fixtures';

/** The text a person sees in rendered HTML (tags and attribute values left out). */
function visibleText(html: string): string {
  return html
    .replace(/<!--.*?-->/g, '')
    .replace(/<\/?(?:li|p|div|ol|ul|option|label|select|input|legend|span|strong|dd|dt)\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The texts of the options of the first select in the HTML. */
function optionTexts(html: string): string[] {
  const select = /<select\b[^>]*>([\s\S]*?)<\/select>/.exec(html);
  assert.ok(select, 'a select is rendered');
  return [...select[1]!.matchAll(/<option\b[^>]*>([\s\S]*?)<\/option>/g)].map((m) => m[1]!);
}

const join = descriptors.get('Join')!;
const switchType = descriptors.get('Switch')!;
const modeInput = join.inputs.find((i) => i.name === 'mode')!;

const renderInput = (activity: Activity, input: InputDescriptor, descriptor = join) =>
  renderToStaticMarkup(createElement(InputEditor, { activity, input, descriptor, bodies: [], errors: [], subjects: [], onChange: () => {} }));

test('a choice is offered by its label, its default too; the stored code is the value behind it', () => {
  const html = renderInput({ id: 'samen', type: 'Join', inputs: { mode: 'any' } }, modeInput);
  assert.deepEqual(optionTexts(html), ['Standaard (Alle paden)', 'Alle paden', 'Het eerste pad', 'Een aantal paden']);
  assert.match(html, /<option value="any" selected="">Het eerste pad<\/option>/, 'the stored code stays the value');
  const text = visibleText(html);
  assert.match(text, /Standaard: Alle paden\./, 'the default in the hint reads by its label too');
  assert.doesNotMatch(text, /\b(all|any|count)\b/, 'no choice code is shown');
});

test('a choice without a label is shown by its code, as a last resort', () => {
  const partly: InputDescriptor = { ...modeInput, choiceLabels: { all: 'Alle paden' } };
  assert.deepEqual(optionTexts(renderInput({ id: 'samen', type: 'Join', inputs: {} }, partly)), [
    'Standaard (Alle paden)',
    'Alle paden',
    'any',
    'count',
  ]);
});

test('a fixed port reads by the label its activity declares, else by its name', () => {
  const decision: Activity = { id: 'keuze', type: 'Decision', inputs: { condition: 'true' } };
  assert.equal(portLabelOf(decision, descriptors.get('Decision'), 'True'), 'Waar');
  assert.equal(portLabelOf(decision, descriptors.get('Decision'), 'False'), 'Onwaar');
  const besluit: Activity = { id: 'besluitAb', type: 'Besluit' };
  assert.equal(portLabelOf(besluit, descriptors.get('Besluit'), 'gewijzigdVastgesteld'), 'Gewijzigd vastgesteld');
  assert.equal(portLabelOf({ id: 'wacht', type: 'Start' }, descriptors.get('Start'), 'Done'), 'Verder');
  assert.equal(portLabelOf(besluit, descriptors.get('Besluit'), 'onbekend'), 'onbekend', 'an undeclared port keeps its name');
  assert.equal(portLabelOf({ id: 'x', type: 'Weg' }, undefined, 'Done'), 'Done', 'a step of an unknown type shows the name');
});

test("a switch's case reads by its own label, the other way by the switch's, a case without one by its name", () => {
  const { definition } = shipped('voorstel');
  const naDb = findActivity(definition, 'naDb')!;
  assert.deepEqual(
    portsOf(naDb, switchType).map((p) => portLabelOf(naDb, switchType, p)),
    ['Zienswijzen van de raden', 'Terugkoppeling colleges', 'Jaarrekening', 'Kaderbrief', 'Anders'],
  );
  const unlabelled: Activity = { id: 's', type: 'Switch', inputs: { cases: [{ name: 'bacAdvies', condition: 'true' }] } };
  assert.equal(portLabelOf(unlabelled, switchType, 'bacAdvies'), 'bacAdvies');
});

test('the canvas names each exit of a step by its label, in the text and in the title of its handle', () => {
  const { definition } = shipped('voorstel');
  const nodes = toFlowNodes([], definition);
  const node = nodes.find((n) => n.id === 'naDb')!;
  const html = renderToStaticMarkup(
    createElement(
      ReactFlowProvider,
      null,
      createElement(
        EditorContext.Provider,
        { value: { descriptors, errors: mapErrors([], definition), highlight: null } },
        createElement(ActivityNode, { ...node, selected: false, dragging: false, zIndex: 0, isConnectable: true, positionAbsoluteX: 0, positionAbsoluteY: 0 } as never),
      ),
    ),
  );
  const ports = [...html.matchAll(/<li class="ontwerper-node__port"><span>([^<]*)<\/span>/g)].map((m) => m[1]);
  assert.deepEqual(ports, ['Zienswijzen van de raden', 'Terugkoppeling colleges', 'Jaarrekening', 'Kaderbrief', 'Anders']);
  assert.match(html, /title="Uitgang “Terugkoppeling colleges” van Na het DB"/);
  assert.match(html, /data-testid="poort-naDb-colleges"/, 'the handle keeps the code the connections use');
  assert.doesNotMatch(visibleText(html), /\bDefault\b/);

  const edge = toFlowEdges([], definition, false, descriptors).find((e) => e.id === 'naDb:Default->agendeerAb')!;
  assert.equal(edge.data?.portLabel, 'Anders');
  assert.match(edge.ariaLabel!, /^Verbinding van Na het DB \(uitgang “Anders”\) naar /);
});

test('a test run and the error list name an exit by its label', () => {
  const { definition } = shipped('voorstel');
  const result: TestRunResult = {
    path: ['naDb'],
    steps: [{ activityId: 'naDb', date: '2027-06-23', dateText: '23 juni 2027', text: '', port: 'colleges' }],
    result: null,
    decisionDate: null,
  };
  const run = visibleText(renderToStaticMarkup(createElement(TestRunResultView, { result, definition, descriptors })));
  assert.match(run, /Na het DB – 23 juni 2027 – uitgang Terugkoppeling colleges/);

  const index = definition.root.connections.findIndex((c) => c.source.activity === 'naDb' && c.source.port === 'Default');
  const errors = mapErrors([{ path: `$.root.connections[${index}].target.activity`, message: 'Deze verbinding klopt niet.' }], definition);
  const list = visibleText(
    renderToStaticMarkup(createElement(ErrorList, { errors, definition, descriptors, onGotoNode: () => {}, onGotoEdge: () => {}, onGotoRouteData: () => {} })),
  );
  assert.match(list, /Verbinding van ‘Na het DB’, uitgang ‘Anders’, naar ‘/);
  // No id, port code or JSON path on screen.
  assert.doesNotMatch(list, /naDb|\bDefault\b|\$\./);
});

test("a case's label edited in the panel is stored in that case of the definition, beside its name and condition", () => {
  const { definition } = shipped('voorstel');
  const before = findActivity(definition, 'naDb')!.inputs!['cases'];
  const edited = setInput(definition, 'naDb', 'cases', withCaseLabel(before, 1, 'label', 'Terugkoppeling van de colleges'));
  const stored = JSON.parse(serialize(edited)) as Definition;
  const cases = findActivity(stored, 'naDb')!.inputs!['cases'] as { name: string; label?: string; condition: unknown }[];
  const original = (before as { condition: unknown }[])[1]!;
  assert.deepEqual(cases[1], {
    name: 'colleges',
    label: 'Terugkoppeling van de colleges',
    condition: original.condition,
  });
  assert.equal(cases[0]!.label, 'Zienswijzen van de raden', 'the other cases are left as they were');
  assert.equal(portLabelOf(findActivity(stored, 'naDb'), switchType, 'colleges'), 'Terugkoppeling van de colleges');

  // Emptied, the label goes and the exit reads by its name again.
  const cleared = setInput(edited, 'naDb', 'cases', withCaseLabel(findActivity(edited, 'naDb')!.inputs!['cases'], 1, 'label', ''));
  assert.equal('label' in (findActivity(cleared, 'naDb')!.inputs!['cases'] as object[])[1]!, false);
  assert.equal(portLabelOf(findActivity(cleared, 'naDb'), switchType, 'colleges'), 'colleges');
});

test("the cases editor shows each case's label in its field and its heading", () => {
  const { definition } = shipped('voorstel');
  const naDb = findActivity(definition, 'naDb')!;
  const html = renderInput(naDb, switchType.inputs[0]!, switchType);
  assert.match(html, /<legend>Geval 2: Terugkoppeling colleges<\/legend>/);
  assert.match(html, /data-testid="invoer-cases-geval-2-label" value="Terugkoppeling colleges"/);
  assert.match(visibleText(html), /langs de uitgang “Anders”/);
  assert.doesNotMatch(visibleText(html), /\bDefault\b/);
});

test('the route lists its variables and inputs by their display names', () => {
  const { definition } = shipped('voorstel');
  const html = renderToStaticMarkup(
    createElement(PropertyPanel, {
      definition,
      selectedIds: [],
      descriptors,
      bodies: [],
      errors: mapErrors([], definition),
      commit: () => {},
      onSelect: () => {},
      onDeleteSelected: () => {},
    }),
  );
  const variables = /<ul data-testid="route-variabelen">([\s\S]*?)<\/ul>/.exec(html)![1]!;
  assert.deepEqual(
    [...variables.matchAll(/<li>([^<]*)/g)].map((m) => m[1]!.trim()),
    ['Vergadering', 'Zienswijzen van de raden', 'Terugkoppeling van de colleges'],
  );
});
