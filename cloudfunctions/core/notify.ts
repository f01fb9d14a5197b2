import { messageTarget } from '../../shared/domain/message';
import { inAppZone } from '../../shared/domain/time';
import type { Deps } from './deps';
import type { MessageDoc } from './documents';
import { newId } from './ids';
import { insertMessages } from './repositories/messages';
import { findUserById, useSubscriptionCredit } from './repositories/users';

/** What to tell a person; every notification lands in the in-app outbox (`messages`). */
export interface Notice {
  userId: string;
  kind: MessageDoc['kind'];
  title: string;
  body: string;
  activityId: string | null;
  /** The service order it is about (opens the order's page). */
  orderId?: string | null;
}

/**
 * The subscription templates this deployment uses (configured per mini-program, empty = none):
 * `WX_TEMPLATE_WAITLIST` for notices about activities, `WX_TEMPLATE_ORDER` for service orders,
 * `WX_TEMPLATE_DONATION` for notices about a donor's pledge. Only these are counted when people
 * accept them.
 */
export function subscriptionTemplates(): { waitlist?: string; order?: string; donation?: string } {
  const valid = (id: string | undefined) => (id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined);
  return {
    waitlist: valid(process.env.WX_TEMPLATE_WAITLIST),
    order: valid(process.env.WX_TEMPLATE_ORDER),
    donation: valid(process.env.WX_TEMPLATE_DONATION),
  };
}

/** The template a notice is sent with, or none. */
function templateFor(notice: Notice): string | undefined {
  const templates = subscriptionTemplates();
  switch (messageTarget(notice)) {
    case 'pledges':
      return templates.donation;
    case 'order':
      return templates.order;
    case 'activity':
    case null:
      return templates.waitlist;
  }
}

/** The mini-program page a subscription message opens: the order, the activity, 我的捐赠, or 我的. */
function pageFor(notice: Notice): string {
  switch (messageTarget(notice)) {
    case 'order':
      return `packages/orders/pages/detail/index?orderId=${notice.orderId}`;
    case 'activity':
      return `packages/activity/pages/detail/index?activityId=${notice.activityId}`;
    case 'pledges':
      return 'packages/donation/pages/my-pledges/index';
    case null:
      return 'pages/mine/index';
  }
}

/** WeChat caps `thing` fields at 20 characters. */
const thing = (text: string) => ({ value: Array.from(text).slice(0, 20).join('') });

/**
 * Tell people something. The outbox row is the record and what the app shows under 消息. When the
 * notice's subscription template is configured and the person has a consent left (one per acceptance,
 * counted by `accounts.recordSubscription`), a WeChat subscription message is sent through the
 * SDK's open-API call (`subscribeMessage.send`); the row says whether it was sent, skipped or
 * failed. Template fields: thing1 = title, thing2 = detail, time3 = when.
 */
export async function notify(deps: Deps, notices: Notice[]): Promise<void> {
  const now = deps.now();
  const rows: MessageDoc[] = [];
  for (const n of notices) {
    let delivery: MessageDoc['delivery'] = 'skipped';
    const template = templateFor(n);
    if (template && (await useSubscriptionCredit(deps.db, n.userId, template))) {
      const user = await findUserById(deps.db, n.userId);
      delivery = user ? await send(deps, { openid: user.openid, template, notice: n, now }) : 'failed';
    }
    rows.push({ _id: newId('m'), ...n, createdAt: now, readAt: null, delivery });
  }
  await insertMessages(deps.db, rows);
}

async function send(
  deps: Deps,
  msg: { openid: string; template: string; notice: Notice; now: Date },
): Promise<'sent' | 'failed'> {
  try {
    const answer = (await deps.app.callWxOpenApi({
      apiName: 'cgi-bin/message/subscribe/send',
      requestData: {
        touser: msg.openid,
        template_id: msg.template,
        page: pageFor(msg.notice),
        data: {
          thing1: thing(msg.notice.title),
          thing2: thing(msg.notice.body),
          time3: { value: inAppZone(msg.now).format('YYYY年M月D日 HH:mm') },
        },
      },
    })) as { result?: { errcode?: number } };
    return answer.result?.errcode === 0 ? 'sent' : 'failed';
  } catch (err) {
    console.error('[notify] subscription message failed', err);
    return 'failed';
  }
}
