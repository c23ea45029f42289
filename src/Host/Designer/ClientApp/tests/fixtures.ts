/// <reference types="node" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActivityDescriptor, Definition, InputDescriptor } from '../src/types';

/** A shipped definition from workflow-definitions/ (npm test runs in ClientApp). */
export function shipped(name: string): { text: string; definition: Definition } {
  const text = readFileSync(path.resolve(process.cwd(), '..', '..', '..', '..', 'workflow-definitions', `${name}.json`), 'utf8');
  return { text, definition: JSON.parse(text) as Definition };
}

const input = (name: string, type: InputDescriptor['type'], extra: Partial<InputDescriptor> = {}): InputDescriptor => ({
  name,
  type,
  displayName: name,
  description: '',
  required: false,
  default: undefined,
  choices: null,
  supportsExpression: true,
  ...extra,
});

const descriptor = (type: string, extra: Partial<ActivityDescriptor> = {}): ActivityDescriptor => ({
  type,
  version: 1,
  category: 'Stroom',
  displayName: type,
  description: '',
  isBlocking: false,
  isStart: false,
  isEnd: false,
  inputs: [],
  ports: ['Done'],
  portsFromInput: null,
  // As the engine serves them: the plain way on reads "Verder" unless declared otherwise.
  portLabels: (extra.ports ?? ['Done']).includes('Done') ? { Done: 'Verder' } : {},
  ...extra,
});

export const descriptors = new Map<string, ActivityDescriptor>(
  [
    descriptor('Start', { isStart: true }),
    descriptor('End', { isEnd: true, ports: [], inputs: [input('result', 'Json')] }),
    descriptor('Decision', { ports: ['True', 'False'], portLabels: { True: 'Waar', False: 'Onwaar' }, inputs: [input('condition', 'Expression', { required: true })] }),
    descriptor('Fork', {
      ports: [],
      inputs: [input('branches', 'StringList', { required: true, supportsExpression: false })],
      portsFromInput: { inputName: 'branches', extra: [], nameProperty: null },
    }),
    descriptor('Switch', {
      ports: [],
      inputs: [input('cases', 'ObjectList', { required: true, supportsExpression: false })],
      portsFromInput: { inputName: 'cases', extra: ['Default'], nameProperty: 'name', labelProperty: 'label' },
      portLabels: { Default: 'Anders' },
    }),
    descriptor('Join', {
      inputs: [
        input('mode', 'Choice', {
          displayName: 'Wachten op',
          choices: ['all', 'any', 'count'],
          choiceLabels: { all: 'Alle paden', any: 'Het eerste pad', count: 'Een aantal paden' },
          default: 'all',
        }),
      ],
    }),
    descriptor('Besluit', {
      category: 'Bestuur',
      ports: ['vastgesteld', 'gewijzigdVastgesteld', 'verworpen'],
      portLabels: { vastgesteld: 'Vastgesteld', gewijzigdVastgesteld: 'Gewijzigd vastgesteld', verworpen: 'Verworpen' },
      inputs: [input('orgaan', 'String', { required: true })] }),
  ].map((d) => [d.type, d]),
);
