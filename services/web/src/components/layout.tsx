import type { ComponentChildren } from 'preact';
import { Link } from '../router.js';

export function Layout(props: { children: ComponentChildren }) {
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site">
        <Link href="/" class="brand">
          Openslate
        </Link>
        <span class="tagline">secret · verifiable · understandable</span>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      <footer class="site">
        <p>
          Every action is recorded in a public, append-only log. Anyone can download an election and recount
          it with <code>npx openslate verify</code>.
        </p>
      </footer>
    </>
  );
}
