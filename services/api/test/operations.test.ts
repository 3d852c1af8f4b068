// Operations: metrics and the outbox mailer. Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
import nodemailer, { type SendMailOptions } from 'nodemailer';
import request from 'supertest';
import { createLogger } from '../src/logger.js';
import { sendOutbox } from '../src/mailer.js';
import { startTestApi, type TestApi } from './support.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

test('/metrics reports request latency by route and rejections by error code', async () => {
  await request(api.app).get('/healthz').expect(200);
  await request(api.app).get('/api/elections/none').expect(404);
  const text = (await request(api.app).get('/metrics').expect(200)).text;
  expect(text).toMatch(
    /openslate_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1/,
  );
  expect(text).toMatch(/openslate_requests_rejected_total\{code="NOT_FOUND"\} 1/);
});

test('the outbox is sent once, and a failed mail is retried with its error kept', async () => {
  const db = api.database.db;
  await db
    .insertInto('outbox')
    .values([
      { id: 'm1', to_address: 'a@example.org', subject: 'One', body: 'first' },
      { id: 'm2', to_address: 'b@example.org', subject: 'Two', body: 'second' },
    ])
    .execute();
  const logger = createLogger('silent');

  const failing = { sendMail: async () => Promise.reject(new Error('451 try later')) };
  expect(await sendOutbox(api.database, failing, 'ro@example.org', logger)).toBe(0);
  const afterFailure = await db.selectFrom('outbox').selectAll().orderBy('id').execute();
  expect(afterFailure.map((r) => [r.attempts, r.last_error, r.sent_at])).toEqual([
    [1, '451 try later', null],
    [1, '451 try later', null],
  ]);

  // A real nodemailer transport that renders the message instead of connecting anywhere.
  const sent: string[] = [];
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const recording = {
    sendMail: async (m: SendMailOptions) => {
      const info = await transport.sendMail(m);
      sent.push(JSON.parse(info.message as unknown as string).to[0].address);
      return info;
    },
  };
  expect(await sendOutbox(api.database, recording, 'ro@example.org', logger)).toBe(2);
  expect(sent.sort()).toEqual(['a@example.org', 'b@example.org']);
  expect(await sendOutbox(api.database, recording, 'ro@example.org', logger)).toBe(0);
  const rows = await db.selectFrom('outbox').selectAll().execute();
  expect(rows.every((r) => r.sent_at instanceof Date && r.last_error === null && r.attempts === 2)).toBe(
    true,
  );
});
