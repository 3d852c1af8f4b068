import type { Database } from '@openslate/db';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from './logger.js';

const MAX_ATTEMPTS = 8;

/**
 * Sends the outbox (invitations, removal notices) through SMTP (SMTP_URL, e.g. smtps://user:pass@host:465).
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several API processes never send the same mail twice;
 * a failed send is retried up to 8 times, with the error kept on the row. Logs carry ids, never addresses or bodies.
 */
export async function sendOutbox(
  database: Database,
  transport: Pick<Transporter, 'sendMail'>,
  from: string,
  logger: Logger,
  batch = 50,
): Promise<number> {
  return database.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('attempts', '<', MAX_ATTEMPTS)
      .orderBy('created_at')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    let sent = 0;
    for (const row of rows) {
      try {
        await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.body });
        await trx
          .updateTable('outbox')
          .set({ sent_at: new Date(), attempts: row.attempts + 1, last_error: null })
          .where('id', '=', row.id)
          .execute();
        sent++;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await trx
          .updateTable('outbox')
          .set({ attempts: row.attempts + 1, last_error: message.slice(0, 500) })
          .where('id', '=', row.id)
          .execute();
        logger.warn({ outbox: row.id, attempt: row.attempts + 1 }, 'mail not sent; will retry');
      }
    }
    return sent;
  });
}

/** Starts the outbox loop when SMTP_URL is set; returns a stop function. */
export function startMailer(
  database: Database,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): (() => void) | null {
  const url = env['SMTP_URL'];
  if (!url) return null;
  const transport = nodemailer.createTransport(url);
  const from = env['MAIL_FROM'] ?? 'Openslate <no-reply@openslate.localhost>';
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await sendOutbox(database, transport, from, logger);
    } catch (err) {
      logger.error({ err }, 'outbox pass failed');
    }
    timer = setTimeout(tick, 5000);
  };
  void tick();
  return () => clearTimeout(timer);
}
