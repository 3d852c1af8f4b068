import { render } from 'preact';
import { Layout } from './components/layout.js';
import { Router, type Route } from './router.js';

// Every page. The API sends index.html for any path outside its own (services/api/src/web.ts).
const routes: readonly Route[] = [
  { pattern: '/', title: 'Elections', load: () => import('./pages/home.js') },
  { pattern: '/vote/:election', title: 'Your ballot', load: () => import('./pages/ballot.js') },
  { pattern: '/check/:election', title: 'Check my ballot', load: () => import('./pages/check.js') },
  { pattern: '/roll/:election', title: 'Am I on the roll?', load: () => import('./pages/roll.js') },
  { pattern: '/results/:election', title: 'Results', load: () => import('./pages/results.js') },
  {
    pattern: '/nominations/:election',
    title: 'Nominations and shortlist',
    load: () => import('./pages/nominations.js'),
  },
  { pattern: '/proposals/:election', title: 'Proposals', load: () => import('./pages/proposals.js') },
  { pattern: '/officer', title: 'Returning officer', load: () => import('./pages/officer.js') },
  {
    pattern: '/officer/elections/:election',
    title: 'Run an election',
    load: () => import('./pages/officer-election.js'),
  },
  { pattern: '/trustee', title: 'Trustee', load: () => import('./pages/trustee.js') },
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
