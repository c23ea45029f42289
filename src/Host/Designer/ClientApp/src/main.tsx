// The route designer of AdviesRoute, mounted on <div id="ontwerper" data-definition-id="…"> of /Ontwerper/{id}.
import '@xyflow/react/dist/style.css';
import './designer.css';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import { Designer } from './components/Designer';

const host = document.getElementById('ontwerper');
const definitionId = host?.dataset['definitionId'];
if (host && definitionId) {
  createRoot(host).render(
    <ReactFlowProvider>
      <Designer definitionId={definitionId} />
    </ReactFlowProvider>,
  );
}
