import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The publication directory: `<dir>/log/<election>/` laid out as C2SP tlog-tiles (`checkpoint`, `tile/…`),
 * served as static files by the API and by nginx.
 */
export class PublicationDir {
  constructor(readonly root: string) {}

  logDir(electionId: string): string {
    return path.join(this.root, 'log', electionId);
  }

  read(electionId: string, relative: string): Uint8Array | undefined {
    try {
      return new Uint8Array(readFileSync(path.join(this.logDir(electionId), relative)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  /** Writes through a temporary file and a rename, so a reader (or a crash) never sees half a file. */
  write(electionId: string, relative: string, data: Uint8Array | string): void {
    const file = path.join(this.logDir(electionId), relative);
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  }
}
