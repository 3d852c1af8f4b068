export { keyDir, loadOrCreateSecret } from './key-file.js';
export { loadLogIdentity, logOrigin, type LogIdentity } from './log-key.js';
export { PublicationDir } from './publication-dir.js';
export { integrateElection, publishedSize, type Published } from './integrate-election.js';
export { publishPending, runPublisher, PUBLISHER_LOCK, type PublisherOptions } from './publisher.js';
