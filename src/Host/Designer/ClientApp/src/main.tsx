// The route designer of AdviesRoute, mounted on <div id="ontwerper" data-definition-id="…" data-csrf-token="…"> of
// /Ontwerper/{id}; the page's antiforgery token goes with every change the app makes through the API.
import '@xyflow/react/dist/style.css';
import './designer.css';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import { Designer } from './components/Designer';
import { setRequestToken } from './api';

const host = document.getElementById('ontwerper');
const definitionId = host?.dataset['definitionId'];
if (host && definitionId) {
  setRequestToken(host.dataset['csrfToken'] ?? '');
  createRoot(host).render(
    <ReactFlowProvider>
      <Designer definitionId={definitionId} />
    </ReactFlowProvider>,
  );
}
