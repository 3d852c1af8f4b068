import { render } from 'preact';
import { Layout } from './components/layout.js';
import { Router, type Route } from './router.js';

// Every page path the API sends to index.html (services/api/src/web.ts keeps the same list).
const routes: readonly Route[] = [
  { pattern: '/', title: 'Elections', load: () => import('./pages/home.js') },
];

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <a href="/">See every election</a>.
      </p>
    </section>
  );
}

render(
  <Layout>
    <Router routes={routes} notFound={NotFound} />
  </Layout>,
  document.getElementById('app')!,
);
