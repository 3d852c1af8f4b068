// Where to get everything the results page shows, to check it without trusting this server: each contest's
// result files (BLT, JSON, stage table, explanation), the published bundle (docs/bundle-format.md) and its log,
// and the verifier command to copy. Addresses come from the route table of packages/client.
import { fillPath, ROUTES } from '@openslate/client';
import { CopyText } from './copy-button.js';

const RESULT_FILES = [
  ['blt', 'the counted ballots (BLT)'],
  ['json', 'the full count report (JSON)'],
  ['txt', 'the votes-per-stage sheet (text)'],
  ['explain', 'the explanation (text)'],
] as const;

/** `/api/elections/<election>/results/<contest>.<format>` */
export function resultFileUrl(election: string, contest: string, format: string): string {
  return fillPath(ROUTES.getResultFile.path, { election, contest, format });
}

/** A contest's result files; `stv: false` (a question) has no BLT. */
export function ContestDownloads(props: { election: string; contest: string; title: string; stv: boolean }) {
  const files = RESULT_FILES.filter(([format]) => props.stv || format !== 'blt');
  return (
    <ul class="results-downloads" aria-label={`Files of ${props.title}`}>
      {files.map(([format, what]) => (
        <li key={format}>
          <a href={resultFileUrl(props.election, props.contest, format)} download>
            {props.title}: {what}
          </a>
        </li>
      ))}
    </ul>
  );
}

const bundleUrl = (path: string): string => fillPath(ROUTES.bundle.path, { path });

/** The published bundle, the log and the verifier command; before publication, says what will appear. */
export function ElectionDownloads(props: { election: string; published: boolean; verifierKey?: string }) {
  const { election } = props;
  if (!props.published)
    return (
      <p>
        The election is counted but not yet published. When the returning officer publishes it, the complete
        bundle (log, keys, results) and the command to check it yourself appear here.
      </p>
    );
  const archive = bundleUrl(`${election}.tar.gz`);
  const command = `npx openslate verify ${location.origin}${archive}`;
  return (
    <>
      <ul class="results-downloads">
        <li>
          <a href={archive} download>
            The whole published election, one archive (.tar.gz)
          </a>
        </li>
        <li>
          <a href={bundleUrl(`${election}/results/index.html`)}>The results as one printable page</a>
        </li>
        <li>
          <a href={bundleUrl(`${election}/manifest.json`)} download>
            The bundle's manifest (JSON)
          </a>
        </li>
        <li>
          <a href={bundleUrl(`${election}/log/checkpoint`)} download>
            The log's signed checkpoint at publication
          </a>{' '}
          (its entries are in the archive, and at{' '}
          <code>{fillPath(ROUTES.tile.path, { election, path: '' })}</code>)
        </li>
        <li>
          <a href={fillPath(ROUTES.checkpoint.path, { election })} download>
            The log's latest signed checkpoint
          </a>
        </li>
      </ul>
      <p>Recount the whole election on your own computer (Node.js 20 or later):</p>
      <CopyText text={command} label="Copy the command" />
      {props.verifierKey && (
        <p class="hint">
          To be sure who signed the log, add <code>--vkey</code> with the log key your organisation publishes;
          this server gives its key as <code class="mono">{props.verifierKey}</code>.
        </p>
      )}
    </>
  );
}
