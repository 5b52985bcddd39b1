// The alerts area's public API.
export { createMailer, MailError, type Mailer, type OutgoingMail, type SendResult, type MailEnv } from './mailer.ts';
export { queueAlerts, FOLLOWUP_SPACING_MS, MAX_ALERT_AGE_MS, type QueueAlertsOptions, type QueueAlertsReport } from './alerts.ts';
export { deliverQueued, enqueueMail, listMail, getMail, backoffMs, type DeliveryReport, type QueuedMail, type MailKind } from './queue.ts';
export { recipientsFor, inQuietHours, quietEnd } from './routing.ts';
