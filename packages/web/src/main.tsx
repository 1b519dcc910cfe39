import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html needs a <div id="root"> to mount the app in.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
