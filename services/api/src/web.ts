// Serves the built web forms (services/web/dist): hashed assets for a year, and index.html for every page path
// that is not part of the API, so a link like /vote/<election> opens the ballot page.
import path from 'node:path';
import express, { Router } from 'express';

/** Path prefixes that belong to the API, never to a page. */
const API_PREFIXES = ['/api/', '/log/', '/bundles/', '/healthz', '/readyz', '/metrics', '/openapi.json'];

export function webRoutes(webRoot: string): Router {
  const router = Router();
  const indexFile = path.join(webRoot, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(webRoot, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(webRoot, { index: false }));
  router.get('/{*path}', (req, res, next) => {
    if (API_PREFIXES.some((p) => req.path === p || req.path.startsWith(p))) return next();
    if (!req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache').sendFile(indexFile);
  });
  return router;
}
