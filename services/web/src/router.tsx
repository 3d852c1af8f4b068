// A small client-side router: the API serves index.html for every page path, and pages are loaded on demand
// so each one downloads only its own code.
import type { AnchorHTMLAttributes, ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type Params = Readonly<Record<string, string>>;
export type PageModule = { default: ComponentType<{ params: Params }> };

export interface Route {
  /** `/vote/:election` style pattern. */
  readonly pattern: string;
  readonly title: string;
  readonly load: () => Promise<PageModule>;
}

/** The params of `path` if it matches `pattern`, else null. */
export function match(pattern: string, path: string): Params | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(to: string): void {
  history.pushState(null, '', to);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return path;
}

export function Link(props: { href: string; children: ComponentChildren } & AnchorHTMLAttributes) {
  const { href, children, ...rest } = props;
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a {...rest} href={href} onClick={onClick}>
      {children}
    </a>
  );
}

/** Renders the first route that matches the current path, loading its module on first use. */
export function Router(props: { routes: readonly Route[]; notFound: ComponentType }) {
  const path = usePath();
  const found = props.routes.map((r) => ({ route: r, params: match(r.pattern, path) })).find((m) => m.params);
  const [loaded, setLoaded] = useState<{ pattern: string; module: PageModule } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (!found) return;
    document.title = `${found.route.title} · Openslate`;
    if (loaded?.pattern === found.route.pattern) return;
    let live = true;
    found.route
      .load()
      .then((module) => live && setLoaded({ pattern: found.route.pattern, module }))
      .catch((err: unknown) => live && setFailed(String(err)));
    return () => {
      live = false;
    };
  }, [found?.route.pattern, path]);
  if (!found) return <props.notFound />;
  if (failed) return <p role="alert">This page could not be loaded: {failed}</p>;
  if (!loaded || loaded.pattern !== found.route.pattern) return <p aria-busy="true">Loading…</p>;
  const Page = loaded.module.default;
  return <Page params={found.params!} />;
}
