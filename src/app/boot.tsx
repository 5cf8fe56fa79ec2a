// The app itself, loaded by main.tsx once the data worker has started.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DatasetProvider } from './data/dataset';
import { UserLayerProvider } from './user/UserLayer';
import { CorrectionsProvider } from './user/corrections-context';
import { applyScheme, initialScheme } from './theme';

// Before the first render, so no chart is drawn in the wrong scheme first.
applyScheme(initialScheme());

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <DatasetProvider>
        <UserLayerProvider>
          <CorrectionsProvider>
            <App />
          </CorrectionsProvider>
        </UserLayerProvider>
      </DatasetProvider>
    </QueryClientProvider>
  </StrictMode>,
);
