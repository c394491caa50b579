import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Locale } from '@lip/common';
import type { AppDeps } from '../../scope';
import { escapeHtml } from '../mail';
import type { PersonDoc } from '../person/person.model';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification.events';
import { digestKindsOf, isPersonId, setEmailMode } from './notification.settings';
import { KIND_LABELS } from './notification.texts';

/** What an unsubscribe link turns off: one kind of mail, or the daily digest. */
export type MailKind = NotificationKind | 'digest';

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
}

/**
 * A token for "stop this kind of mail for this person": `<personId>.<kind>.<hmac>`. It never
 * expires (a mail may be read months later) and only turns mail off, so it needs no sign-in.
 */
export function unsubscribeToken(secret: string, personId: string, kind: MailKind): string {
  const payload = `${personId}.${kind}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The person and kind of a valid token, else null. */
export function verifyUnsubscribeToken(
  secret: string,
  token: unknown,
): { personId: string; kind: MailKind } | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [personId, kind, mac, ...rest] = token.split('.');
  if (!personId || !kind || !mac || rest.length > 0) return null;
  if (!isPersonId(personId)) return null;
  if (kind !== 'digest' && !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(sign(secret, `${personId}.${kind}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { personId, kind: kind as MailKind };
}

/** The absolute base URL for links in mail: `PUBLIC_URL`, else the API's own address. */
export function publicBaseUrl(deps: Pick<AppDeps, 'config'>): string {
  const url = deps.config.publicUrl ?? `http://${deps.config.host}:${deps.config.port}`;
  return url.replace(/\/+$/, '');
}

/** The one-click unsubscribe URL of a kind of mail for a person. */
export function unsubscribeUrl(
  deps: Pick<AppDeps, 'config' | 'secrets'>,
  personId: string,
  kind: MailKind,
) {
  const token = unsubscribeToken(deps.secrets.sessionSecret, personId, kind);
  return `${publicBaseUrl(deps)}/mail/unsubscribe?token=${encodeURIComponent(token)}`;
}

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

/**
 * `/mail/unsubscribe`: GET shows a confirmation page with one button (mail scanners follow GET
 * links, so GET changes nothing); POST turns the kind off, either from that button or as the
 * RFC 8058 one-click request a mail program sends (`List-Unsubscribe=One-Click`).
 */
export function createUnsubscribeRouter(deps: AppDeps): Router {
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: 2_000 }));

  const resolve = async (req: Request) => {
    const claim = verifyUnsubscribeToken(deps.secrets.sessionSecret, req.query.token);
    if (!claim) return null;
    const person = await deps.models.Person.findOne({ _id: claim.personId }, { locale: 1 }).lean<
      Pick<PersonDoc, 'locale'>
    >();
    return person ? { ...claim, locale: person.locale } : null;
  };

  const invalid = (res: Response) =>
    res
      .status(400)
      .type('html')
      .send(
        page(
          'de',
          'Link ungültig / Invalid link',
          '<p>Dieser Abmeldelink ist ungültig. / This unsubscribe link is not valid.</p>',
        ),
      );

  router.get('/unsubscribe', async (req, res) => {
    const claim = await resolve(req);
    if (!claim) return invalid(res);
    const de = claim.locale === 'de';
    const what = KIND_LABELS[claim.kind][claim.locale];
    const token = escapeHtml(String(req.query.token));
    res
      .type('html')
      .send(
        page(
          claim.locale,
          de ? 'E-Mails abbestellen' : 'Unsubscribe',
          `<p>${escapeHtml(de ? `Keine E-Mails mehr über ${what} erhalten?` : `Stop receiving e-mails about ${what}?`)}</p>` +
            `<form method="post" action="/mail/unsubscribe?token=${token}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(de ? 'Abbestellen' : 'Unsubscribe')}</button></form>`,
        ),
      );
  });

  router.post('/unsubscribe', async (req, res) => {
    const claim = await resolve(req);
    if (!claim) return invalid(res);
    const kinds =
      claim.kind === 'digest' ? await digestKindsOf(deps.models, claim.personId) : [claim.kind];
    if (kinds.length > 0) await setEmailMode(deps.models, claim.personId, kinds, 'off');
    const de = claim.locale === 'de';
    const what = KIND_LABELS[claim.kind][claim.locale];
    res
      .type('html')
      .send(
        page(
          claim.locale,
          de ? 'Abbestellt' : 'Unsubscribed',
          `<p>${escapeHtml(de ? `Sie erhalten keine E-Mails mehr über ${what}. In der LIP-Werkstatt können Sie das unter „Benachrichtigungen → Einstellungen“ jederzeit ändern.` : `You will no longer receive e-mails about ${what}. You can change this at any time in LIP-Werkstatt under “Notifications → Settings”.`)}</p>`,
        ),
      );
  });
  return router;
}
