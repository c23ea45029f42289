/// <reference types="node" />
// Dates, periods, counts and step names as people read them in the designer: words, never "P2W", "2027-01-20",
// an id or "undefined". Components are rendered to HTML as the browser would get them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { composeDuration, durationReading, splitDuration } from '../src/model/duration';
import { stepTitle } from '../src/model/definition';
import { fromDutchLocal, toDutchLocal } from '../src/model/moment';
import { formatDate, formatDateTime, formatDuration, plural } from '../src/labels';
import { InputEditor } from '../src/components/InputEditor';
import { TestRunResultView } from '../src/components/TestRunPanel';
import type { Activity, ActivityDescriptor, Definition, InputDescriptor, Json, TestRunResult } from '../src/types';
import { descriptors } from './fixtures';

const ISO_CODE = /\bP(\d+[YMWD])+\b|\bPT\d+[HMS]\b|\d{4}-\d{2}-\d{2}|undefined|\bnull\b|NaN/;

/** The text a person sees in rendered HTML (tags and attribute values left out). */
function visibleText(html: string): string {
  return html
    .replace(/<!--.*?-->/g, '')
    .replace(/<\/?(?:li|p|div|ol|ul|option|label|select|input)\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

test('a period is picked as a number and a unit and stored as the ISO text the engine reads', () => {
  assert.deepEqual(splitDuration('P6W'), { amount: 6, unit: 'W' });
  assert.deepEqual(splitDuration('P10D'), { amount: 10, unit: 'D' });
  assert.deepEqual(splitDuration('P2M'), { amount: 2, unit: 'M' });
  assert.deepEqual(splitDuration('PT4H'), { amount: 4, unit: 'H' });
  assert.deepEqual(splitDuration('PT30M'), { amount: 30, unit: 'MIN' });
  assert.equal(splitDuration('P1W2D'), null, 'two parts are no single number and unit');
  assert.equal(splitDuration('zes weken'), null);
  for (const iso of ['P6W', 'P10D', 'P2M', 'P1Y', 'PT4H', 'PT30M']) {
    const { amount, unit } = splitDuration(iso)!;
    assert.equal(composeDuration(amount, unit), iso);
  }
  assert.throws(() => composeDuration(1.5, 'W'), RangeError);
});

test('the line beside the duration picker tells the default, the value or a replacement in words only', () => {
  assert.equal(durationReading('', 'P2W'), 'Standaard: 2 weken.');
  assert.equal(durationReading('', undefined), 'Nog geen termijn ingesteld.');
  assert.equal(durationReading('P1W', 'P2W'), 'Ingesteld: 1 week.');
  assert.equal(durationReading('P1W2D', 'P2W'), 'Ingesteld: 1 week en 2 dagen. Kies een aantal en een eenheid om deze termijn te vervangen.');
  assert.equal(durationReading('P2X', 'P2W'), 'De opgeslagen termijn is ongeldig. Kies een aantal en een eenheid.');
  for (const stored of ['', 'P1W', 'P6M', 'P1W2D', 'PT30M', 'P2X']) assert.doesNotMatch(durationReading(stored, 'P2W'), ISO_CODE, stored);
});

const durationInput: InputDescriptor = {
  name: 'doorlooptijd',
  type: 'Duration',
  displayName: 'Verwachte doorlooptijd',
  description: '',
  required: false,
  default: 'P2W',
  choices: null,
  supportsExpression: true,
};
const preparation: ActivityDescriptor = {
  type: 'Voorbereiding',
  version: 1,
  category: 'Bestuur',
  displayName: 'Ambtelijke voorbereiding',
  description: '',
  isBlocking: true,
  isStart: false,
  isEnd: false,
  inputs: [durationInput],
  ports: ['gereed'],
  portsFromInput: null,
};

function renderDuration(value: Json | undefined): string {
  const activity: Activity = { id: 'voorbereiding', type: 'Voorbereiding', inputs: value === undefined ? {} : { doorlooptijd: value } };
  return renderToStaticMarkup(
    createElement(InputEditor, { activity, input: durationInput, descriptor: preparation, bodies: [], errors: [], subjects: [], onChange: () => {} }),
  );
}

test('the property panel shows a period in Dutch: the default, and a set value as number and unit', () => {
  const empty = renderDuration(undefined);
  assert.match(visibleText(empty), /Standaard: 2 weken\./);
  assert.match(empty, /<option value="W" selected="">weken<\/option>/, 'the unit of the default is chosen');
  assert.doesNotMatch(visibleText(empty), ISO_CODE);

  const set = renderDuration('P3D');
  assert.match(set, /data-testid="invoer-doorlooptijd-veld"[^>]*value="3"|value="3"[^>]*data-testid="invoer-doorlooptijd-veld"/);
  assert.match(set, /<option value="D" selected="">dagen<\/option>/);
  assert.match(visibleText(set), /Ingesteld: 3 dagen\./);
  assert.doesNotMatch(visibleText(set), ISO_CODE);

  const one = renderDuration('P1M');
  assert.match(one, /<option value="M" selected="">maand<\/option>/, 'one month is "1 maand"');

  const combined = renderDuration('P1W2D');
  assert.match(visibleText(combined), /Ingesteld: 1 week en 2 dagen\./);
  assert.doesNotMatch(visibleText(combined), ISO_CODE);
});

test('a simulated step without a title reads as a placeholder, never as an id or undefined', () => {
  const activities: Activity[] = [
    { id: 'start', type: 'Start', displayName: 'Start' },
    { id: 'besluitAb', type: 'Besluit' },
    { id: 'melding', type: 'Onbekend', displayName: '  ' },
    { id: 'einde', type: 'End', displayName: 'Vastgesteld' },
  ];
  const definition: Definition = { definitionId: 'proef', name: 'Proef', root: { type: 'Flowchart', activities, connections: [] } };
  assert.equal(stepTitle(activities[1], descriptors.get('Besluit')), 'Stap zonder titel (Besluit)');
  assert.equal(stepTitle(activities[2], undefined), 'Stap zonder titel');
  assert.equal(stepTitle(undefined, undefined), 'Stap zonder titel');
  assert.equal(stepTitle(activities[3], descriptors.get('End')), 'Vastgesteld');

  const result: TestRunResult = {
    path: ['start', 'besluitAb', 'verwijderd', 'einde'],
    steps: [
      { activityId: 'besluitAb', date: '2027-06-23', text: 'Algemeen bestuur in de vergadering van 23 juni 2027: besluit', port: 'vastgesteld' },
      { activityId: 'verwijderd', date: '2027-06-24', dateText: '24 juni 2027', text: 'Wachttijd van 1 dag', port: 'Done' },
    ],
    result: null,
    decisionDate: '2027-06-23',
  };
  const text = visibleText(renderToStaticMarkup(createElement(TestRunResultView, { result, definition, descriptors })));
  assert.match(text, /Besluit op 23 juni 2027\./);
  assert.match(text, /Pad: Start → Stap zonder titel \(Besluit\) → Stap zonder titel → Vastgesteld\./);
  assert.match(text, /Stap zonder titel \(Besluit\) – 23 juni 2027 – uitgang /);
  assert.match(text, /Stap zonder titel – 24 juni 2027 Wachttijd/, 'the exit of a step no longer in the draft is left out');
  assert.doesNotMatch(text, /\bDone\b/);
  assert.doesNotMatch(text, ISO_CODE);
  assert.doesNotMatch(text, /besluitAb|verwijderd/, 'no step id is shown');
});

test('dates, moments, periods and counts read as the host writes them', () => {
  assert.equal(formatDate('2027-01-20'), '20 januari 2027');
  assert.equal(formatDate('20-01-2027x'), 'onbekende datum');
  assert.equal(formatDateTime('2027-01-20T13:30:00Z'), '20 januari 2027 om 14:30');
  assert.equal(formatDateTime('2027-07-09T12:30:00Z'), '9 juli 2027 om 14:30', 'summer time');
  assert.equal(formatDuration('P1W2D'), '1 week en 2 dagen');
  assert.equal(formatDuration('P2X'), 'onbekende duur');
  assert.equal(plural(0, 'fout', 'fouten'), 'geen fouten');
  assert.equal(plural(1, 'voorstel', 'voorstellen'), '1 voorstel');
  assert.equal(plural(2, 'voorstel', 'voorstellen'), '2 voorstellen');
  assert.equal(plural(1200, 'voorstel', 'voorstellen'), '1.200 voorstellen');
});

test('a moment is picked on the Dutch clock and stored with its offset, summer or winter', () => {
  assert.equal(fromDutchLocal('2027-01-06T09:00'), '2027-01-06T09:00:00+01:00');
  assert.equal(fromDutchLocal('2027-07-09T14:30'), '2027-07-09T14:30:00+02:00');
  assert.equal(fromDutchLocal('6 januari 2027'), null);
  assert.equal(toDutchLocal('2027-01-06T08:00:00Z'), '2027-01-06T09:00');
  assert.equal(toDutchLocal('2027-07-09T14:30:00+02:00'), '2027-07-09T14:30');
  assert.equal(toDutchLocal('morgen'), '');
});
