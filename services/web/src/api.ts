// The one way the pages talk to the server: the typed client of packages/client, on this origin.
import { ApiClientError, OpenslateClient } from '@openslate/client';

export const api = new OpenslateClient({ baseUrl: location.origin });

/** A message a person can act on, from any error a call may throw. */
export function describeError(err: unknown): string {
  if (err instanceof ApiClientError) return `${err.message} (${err.code})`;
  if (err instanceof Error) return err.message;
  return String(err);
}
