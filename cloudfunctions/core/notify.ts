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
 * The subscription template for a notice (configured per mini-program), or none: service-order
 * notices use `WX_TEMPLATE_ORDER`, activity notices `WX_TEMPLATE_WAITLIST`.
 */
function templateId(notice: Notice): string | undefined {
  const id = notice.orderId ? process.env.WX_TEMPLATE_ORDER : process.env.WX_TEMPLATE_WAITLIST;
  return id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}

/** WeChat caps `thing` fields at 20 characters. */
const thing = (text: string) => ({ value: Array.from(text).slice(0, 20).join('') });

/**
 * Tell people something. The outbox row is the record and what the app shows under 消息. When a
 * subscription template is configured and the person has a consent left (one per acceptance,
 * counted by `accounts.recordSubscription`), a WeChat subscription message is sent through the
 * SDK's open-API call (`subscribeMessage.send`); the row says whether it was sent, skipped or
 * failed. Template fields: thing1 = title, thing2 = detail, time3 = when.
 */
export async function notify(deps: Deps, notices: Notice[]): Promise<void> {
  const now = deps.now();
  const rows: MessageDoc[] = [];
  for (const n of notices) {
    const template = templateId(n);
    let delivery: MessageDoc['delivery'] = 'skipped';
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
        page: msg.notice.orderId
          ? `packages/orders/pages/detail/index?orderId=${msg.notice.orderId}`
          : msg.notice.activityId
            ? `packages/activity/pages/detail/index?activityId=${msg.notice.activityId}`
            : 'pages/mine/index',
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
