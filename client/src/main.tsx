import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createApiClient } from './api/client';
import { AppProviders, AppRoutes, createQueryClient } from './app';
import { createSocketConnection } from './realtime/connection';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/tables.css';

// One socket.io connection for the whole app; HTTP writes carry its id.
const realtime = createSocketConnection();
const api = createApiClient({ getSocketId: () => realtime.id });
const queryClient = createQueryClient();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <AppProviders api={api} realtime={realtime} queryClient={queryClient}>
        <AppRoutes />
      </AppProviders>
    </BrowserRouter>
  </StrictMode>,
);
