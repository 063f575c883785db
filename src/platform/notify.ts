/**
 * Reaching staff outside the console (待办 reminders): email through SMTP with nodemailer when `SMTP_URL` is set, SMS
 * through a gateway when `SMS_GATEWAY_URL` is set. The SMS side is an interface, `SmsGateway`: a bureau's provider (the
 * government SMS platform, a carrier's API) sits behind an HTTP endpoint that takes `{"mobile","text"}` as JSON — the
 * one adapter the platform ships — or is plugged in as another implementation. Delivery happens after the reminder's
 * transaction has committed; a failure is logged and does not undo the reminder, which the console shows anyway.
 */
import nodemailer from 'nodemailer';
import type { Config } from './config.ts';

export interface Recipient {
  name: string;
  email: string | null;
  mobile: string | null;
}

export interface Message {
  subject: string;
  text: string;
}

export interface SmsGateway {
  send(mobile: string, text: string): Promise<void>;
}

export type Channel = 'app' | 'email' | 'sms';

export interface Notifier {
  /** the channels this recipient is reached by (always the console) */
  channelsFor(r: Recipient): Channel[];
  /** sends by email and SMS where configured; answers what failed (channel → reason) */
  deliver(r: Recipient, m: Message): Promise<Partial<Record<'email' | 'sms', string>>>;
  close(): void;
}

/** The JSON gateway: POST {mobile, text}; any 2xx is delivered. */
export const httpSmsGateway = (url: string, timeoutMs = 10_000): SmsGateway => ({
  async send(mobile, text) {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mobile, text }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!r.ok) throw new Error(`短信网关返回 ${r.status}`);
  },
});

export function createNotifier(config: Pick<Config, 'smtpUrl' | 'smtpFrom' | 'smsGatewayUrl'>, sms?: SmsGateway): Notifier {
  const mail = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const gateway = sms ?? (config.smsGatewayUrl ? httpSmsGateway(config.smsGatewayUrl) : null);
  return {
    channelsFor: (r) => ['app', ...(mail && r.email ? (['email'] as const) : []), ...(gateway && r.mobile ? (['sms'] as const) : [])],
    async deliver(r, m) {
      const failed: Partial<Record<'email' | 'sms', string>> = {};
      if (mail && r.email)
        await mail.sendMail({ from: config.smtpFrom, to: { name: r.name, address: r.email }, subject: m.subject, text: m.text }).catch((e: Error) => {
          failed.email = e.message;
        });
      if (gateway && r.mobile)
        await gateway.send(r.mobile, `【${m.subject}】${m.text}`).catch((e: Error) => {
          failed.sms = e.message;
        });
      return failed;
    },
    close: () => mail?.close(),
  };
}
