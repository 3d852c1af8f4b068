// The trustee's saved state (TrusteeState of packages/client: it holds the trustee's secret key and share): kept in
// this browser's localStorage and offered as a JSON file to keep somewhere safe.
import { useEffect, useState } from 'preact/hooks';
import type { TrusteeState } from '@openslate/client';

const key = (election: string, index: number) => `openslate.trustee.${election}.${index}`;

export function savedState(election: string, index: number): TrusteeState | null {
  try {
    const raw = localStorage.getItem(key(election, index));
    return raw ? (JSON.parse(raw) as TrusteeState) : null;
  } catch {
    return null;
  }
}

export function saveState(state: TrusteeState): void {
  localStorage.setItem(key(state.electionId, state.index), JSON.stringify(state));
}

/** Reads a backup file; refuses anything that is not a trustee's saved state. */
export async function readBackup(file: File): Promise<TrusteeState> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new Error('That file is not a trustee backup (it is not JSON).');
  }
  const s = parsed as Partial<TrusteeState> | null;
  if (!s || typeof s.electionId !== 'string' || typeof s.index !== 'number' || typeof s.name !== 'string')
    throw new Error('That file is not a trustee backup.');
  return s as TrusteeState;
}

/** A download link for the state as a JSON file (a blob: URL, released when the state changes). */
export function BackupLink(props: { state: TrusteeState }) {
  const [url, setUrl] = useState<string | null>(null);
  const json = JSON.stringify(props.state, null, 2);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [json]);
  if (!url) return null;
  return (
    <a
      class="button"
      href={url}
      download={`openslate-trustee-${props.state.index}-${props.state.electionId}.json`}
    >
      Download my backup
    </a>
  );
}
