import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics (`GET /metrics`): counts and latencies only — never who, never what was voted. */
export class Metrics {
  readonly registry = new Registry();
  readonly requestSeconds = new Histogram({
    name: 'openslate_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly ballotsCast = new Counter({
    name: 'openslate_ballots_cast_total',
    help: 'Ballots accepted (revotes included)',
    registers: [this.registry],
  });
  readonly castBatchSize = new Histogram({
    name: 'openslate_cast_batch_size',
    help: 'Ballots written per cast transaction (group commit)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [this.registry],
  });
  readonly credentialsIssued = new Counter({
    name: 'openslate_credentials_issued_total',
    help: 'Blind-signed credentials issued',
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'openslate_requests_rejected_total',
    help: 'Requests answered with an error, by code',
    labelNames: ['code'],
    registers: [this.registry],
  });

  constructor(defaults = true) {
    if (defaults) collectDefaultMetrics({ register: this.registry });
  }
}
