import type { Database } from '../../cloudfunctions/core/deps';
import type { MenuItemDoc, OrderDoc, OrderEventDoc, OrderRatingDoc } from '../../cloudfunctions/core/documents/orders';
import { COLLECTIONS, getById, insertUnlessExists } from '../../cloudfunctions/core/repositories/base';
import { createOrder, transitionOrder } from '../../cloudfunctions/core/repositories/orders';
import { userIdForOpenid } from '../../cloudfunctions/core/repositories/users';
import {
  DEFAULT_ORDER_POLICY,
  deadlineAt,
  type DeliveryMode,
  type ItemTimeClass,
  type MenuAudience,
  type OrderCategory,
  type OrderStatus,
} from '../../shared/domain/orders';
import { fromAppWallClock, inAppZone } from '../../shared/domain/time';

/** The demo station id of a seed code (same rule as demo.ts, kept here so this file stands alone). */
const stationId = (code: string) => `st_${code}`;

interface ItemSeed {
  id: string;
  owner: string;
  name: string;
  category: OrderCategory;
  description: string;
  delivery: DeliveryMode[];
  audience?: MenuAudience;
  timeClass?: ItemTimeClass;
  responseHours?: number;
  paused?: boolean;
}

/**
 * The district menu (临江区, after 杨浦's 菜单式目录) every station inherits, and what some stations
 * add. Ids are fixed so tests and the demo can name them.
 */
export const DEMO_MENU: ItemSeed[] = [
  {
    id: 'mi_lj_meal',
    owner: 'LJ',
    name: '助餐送餐',
    category: 'elder_care',
    description: '为行动不便的老人送餐上门或到站就餐',
    delivery: ['home', 'station'],
  },
  {
    id: 'mi_lj_visit',
    owner: 'LJ',
    name: '上门探访陪伴',
    category: 'elder_care',
    description: '社工或志愿者上门看望、聊天、检查家中安全',
    delivery: ['home'],
  },
  {
    id: 'mi_lj_policy',
    owner: 'LJ',
    name: '政策咨询',
    category: 'policy',
    description: '低保、特困、高龄津贴、临时救助等政策解读与申请指引',
    delivery: ['station', 'phone'],
  },
  {
    id: 'mi_lj_errands',
    owner: 'LJ',
    name: '代办帮办',
    category: 'errands',
    description: '代缴费、代取药、协助办理证件和补贴申请',
    delivery: ['home', 'station'],
  },
  {
    id: 'mi_lj_counsel',
    owner: 'LJ',
    name: '心理疏导',
    category: 'counselling',
    description: '持证社工一对一倾听与情绪支持',
    delivery: ['station', 'phone'],
  },
  {
    id: 'mi_lj_legal',
    owner: 'LJ',
    name: '法律援助咨询',
    category: 'legal',
    description: '赡养、继承、劳动纠纷等法律问题咨询，可转介法律援助中心',
    delivery: ['station', 'phone'],
    timeClass: 'complex',
  },
  {
    id: 'mi_lj_jobs',
    owner: 'LJ',
    name: '就业指导',
    category: 'employment',
    description: '求职登记、技能培训推荐、岗位对接',
    delivery: ['station'],
  },
  {
    id: 'mi_lj_kids',
    owner: 'LJ',
    name: '困境儿童关爱',
    category: 'children',
    description: '学业辅导、亲子沟通与安全教育',
    delivery: ['home', 'station'],
  },
  {
    id: 'mi_lj_rehab',
    owner: 'LJ',
    name: '康复指导',
    category: 'disability',
    description: '康复师上门指导居家康复训练',
    delivery: ['home'],
    audience: 'targets',
  },
  {
    id: 'mi_lj_repair',
    owner: 'LJ',
    name: '家电维修（转介）',
    category: 'household',
    description: '由社工站对接爱心企业上门维修',
    delivery: ['home'],
  },
  {
    id: 'mi_lj_adapt',
    owner: 'LJ',
    name: '适老化改造评估',
    category: 'elder_care',
    description: '评估扶手、防滑、照明等居家改造需求',
    delivery: ['home'],
    audience: 'targets',
    timeClass: 'complex',
  },
  {
    id: 'mi_lj01_phone',
    owner: 'LJ01',
    name: '智能手机教学',
    category: 'elder_care',
    description: '一对一教您视频通话、扫码、网上挂号',
    delivery: ['station', 'home'],
  },
  {
    id: 'mi_lj01_bath',
    owner: 'LJ01',
    name: '助浴服务',
    category: 'elder_care',
    description: '（暂停）助浴设备检修中',
    delivery: ['home'],
    paused: true,
  },
  {
    id: 'mi_lj0101_haircut',
    owner: 'LJ0101',
    name: '上门理发',
    category: 'elder_care',
    description: '志愿者每月上门为老人理发',
    delivery: ['home'],
    responseHours: 48,
  },
  {
    id: 'mi_lj02_farm',
    owner: 'LJ02',
    name: '农忙托老',
    category: 'elder_care',
    description: '农忙时白天照看家中老人',
    delivery: ['station'],
  },
];

interface OrderSeed {
  id: string;
  station: string;
  item: string | null;
  title?: string;
  by: { openid: string; name: string };
  recipient?: { name: string; relationship: 'child' };
  phone: string;
  address: string;
  description: string;
  /** Days before the seed runs (Asia/Shanghai wall clock at 09:30). */
  daysAgo: number;
  status: OrderStatus;
  worker?: { openid: string; name: string };
  rating?: number;
  reason?: string;
}

/** A few orders in every state, over the last three months (relative to the seed's "now"). */
export const DEMO_ORDERS: OrderSeed[] = [
  {
    id: 'o_demo_01',
    station: 'LJ0101',
    item: 'mi_lj0101_haircut',
    by: { openid: 'dev-resident', name: '张阿姨' },
    phone: '13800001111',
    address: '颐和社区 3 幢 2 单元 401',
    description: '头发长了，想请人上门理发',
    daysAgo: 70,
    status: 'closed',
    worker: { openid: 'dev-staff', name: '王社工' },
    rating: 5,
  },
  {
    id: 'o_demo_02',
    station: 'LJ0101',
    item: 'mi_lj_policy',
    by: { openid: 'dev-resident', name: '张阿姨' },
    phone: '13800001111',
    address: '',
    description: '想了解高龄津贴怎么申请',
    daysAgo: 35,
    status: 'closed',
    worker: { openid: 'dev-staff', name: '王社工' },
    rating: 4,
  },
  {
    id: 'o_demo_03',
    station: 'LJ0101',
    item: 'mi_lj_meal',
    by: { openid: 'dev-resident', name: '张阿姨' },
    phone: '13800001111',
    address: '颐和社区 3 幢 2 单元 401',
    description: '腿脚不便，想每天中午送餐',
    daysAgo: 2,
    status: 'accepted',
    worker: { openid: 'dev-staff', name: '王社工' },
  },
  {
    id: 'o_demo_04',
    station: 'LJ0102',
    item: 'mi_lj_visit',
    by: { openid: 'demo-family-1', name: '刘女士' },
    recipient: { name: '刘大爷', relationship: 'child' },
    phone: '13900006666',
    address: '望江社区 8 幢 101',
    description: '父亲独居，子女在外地，希望有人常去看看',
    daysAgo: 0,
    status: 'pending',
  },
  {
    id: 'o_demo_05',
    station: 'LJ01',
    item: null,
    title: '楼道灯坏了',
    by: { openid: 'demo-resident-2', name: '陈师傅' },
    phone: '13900007777',
    address: '滨江路 12 号',
    description: '楼道灯坏了一周，晚上老人下楼看不见',
    daysAgo: 0,
    status: 'triage',
  },
  {
    id: 'o_demo_06',
    station: 'LJ0201',
    item: 'mi_lj02_farm',
    by: { openid: 'demo-resident-3', name: '沈阿婆' },
    phone: '13900008888',
    address: '',
    description: '下周双抢，白天家里老人没人照看',
    daysAgo: 4,
    status: 'pending',
  },
  {
    id: 'o_demo_07',
    station: 'LJ0301',
    item: 'mi_lj_legal',
    by: { openid: 'demo-resident-4', name: '吴先生' },
    phone: '13900009999',
    address: '',
    description: '和儿子因赡养费有纠纷',
    daysAgo: 20,
    status: 'referred',
    reason: '临江区法律援助中心',
  },
  {
    id: 'o_demo_08',
    station: 'LJ02',
    item: 'mi_lj_jobs',
    by: { openid: 'demo-resident-5', name: '钱大姐' },
    phone: '13900005555',
    address: '',
    description: '想找附近的保洁工作',
    daysAgo: 45,
    status: 'closed',
    worker: { openid: 'dev-staff-lj02', name: '钟社工' },
    rating: 2,
  },
  {
    id: 'o_demo_09',
    station: 'LJ0302',
    item: 'mi_lj_repair',
    by: { openid: 'demo-resident-6', name: '孙奶奶' },
    phone: '13900004444',
    address: '锦绣社区 5 幢 302',
    description: '冰箱不制冷',
    daysAgo: 10,
    status: 'declined',
    reason: '冰箱已过保修，已告知家属联系厂家售后',
  },
];

/**
 * The demo menu and orders. Idempotent like the rest of the seed: fixed ids, duplicates tolerated.
 * Orders are created through the same `createOrder` the function uses, then moved to their state.
 */
export async function seedDemoOrders(db: Database, now: Date): Promise<void> {
  const stations = new Map<
    string,
    { _id: string; name: string; tier: 'center' | 'station' | 'room'; path: string[] }
  >();
  const station = async (code: string) => {
    if (!stations.has(code)) {
      const found = await getById<{ _id: string; name: string; tier: 'center' | 'station' | 'room'; path: string[] }>(
        db,
        COLLECTIONS.stations,
        stationId(code),
      );
      if (!found) throw new Error(`seed station ${code} missing`);
      stations.set(code, found);
    }
    return stations.get(code)!;
  };

  const items = new Map<string, MenuItemDoc>();
  for (const [index, seed] of DEMO_MENU.entries()) {
    const owner = await station(seed.owner);
    const at = new Date(now.getTime() - 120 * 86400_000 + index * 60_000);
    const item: MenuItemDoc = {
      _id: seed.id,
      ownerId: owner._id,
      ownerName: owner.name,
      ownerTier: owner.tier,
      ownerPath: owner.path,
      name: seed.name,
      category: seed.category,
      description: seed.description,
      audience: seed.audience ?? 'anyone',
      delivery: seed.delivery,
      timeClass: seed.timeClass ?? 'normal',
      responseHours: seed.responseHours ?? null,
      completionHours: null,
      status: seed.paused ? 'paused' : 'active',
      rev: 0,
      createdBy: 'seed',
      createdAt: at,
      updatedAt: at,
    };
    items.set(item._id, item);
    await insertUnlessExists(db, COLLECTIONS.menuItems, item);
  }

  const today = inAppZone(now);
  for (const seed of DEMO_ORDERS) {
    if (await getById(db, COLLECTIONS.orders, seed.id)) continue;
    const placedAt =
      seed.daysAgo === 0
        ? new Date(now.getTime() - 30 * 60_000)
        : fromAppWallClock(`${today.subtract(seed.daysAgo, 'day').format('YYYY-MM-DD')}T09:30:00`);
    const at = station(seed.station);
    const ordererId = userIdForOpenid(seed.by.openid);
    const { order } = await createOrder(
      db,
      {
        id: seed.id,
        station: await at,
        item: seed.item ? items.get(seed.item)! : null,
        title: seed.title ?? null,
        description: seed.description,
        photoFileId: null,
        preferredTime: 'weekday_morning',
        timeNote: '',
        delivery: null,
        urgent: false,
        channel: seed.recipient ? 'family' : 'self',
        orderedBy: { userId: ordererId, name: seed.by.name },
        recipient: seed.recipient
          ? { userId: null, name: seed.recipient.name, relationship: seed.recipient.relationship }
          : { userId: ordererId, name: seed.by.name, relationship: null },
        contactPhone: seed.phone,
        address: seed.address,
        proxy: null,
        source: null,
        policy: DEFAULT_ORDER_POLICY,
      },
      placedAt,
    );
    const patch = stateOf(order, seed, placedAt);
    if (patch) await transitionOrder(db, { orderId: order._id, from: [order.status], set: patch, now: placedAt });
  }
}

/** The fields that put a freshly placed order into its seeded state (trail included), as the real actions would. */
function stateOf(order: OrderDoc, seed: OrderSeed, placedAt: Date): Partial<OrderDoc> | null {
  const hours = (n: number) => new Date(placedAt.getTime() + n * 3600_000);
  const workerId = userIdForOpenid(seed.worker?.openid ?? 'dev-staff');
  const workerName = seed.worker?.name ?? '王社工';
  const worker = seed.worker ? { assigneeId: workerId, assigneeKind: 'staff' as const, assigneeName: workerName } : {};
  const event = (
    at: Date,
    action: OrderEventDoc['action'],
    from: OrderStatus,
    to: OrderStatus,
    by: 'worker' | 'staff' | 'orderer',
    note: string | null = null,
  ): OrderEventDoc => ({
    at,
    action,
    from,
    to,
    byId: by === 'orderer' ? order.orderedBy : workerId,
    byRole: by,
    byName: by === 'orderer' ? order.orderedByName : workerName,
    subjectName: null,
    note,
    notePublic: note !== null,
  });
  const trail = (...events: OrderEventDoc[]) => ({ history: [...order.history, ...events] });
  switch (seed.status) {
    case 'triage':
    case 'pending':
      return null;
    case 'accepted':
      return {
        status: 'accepted',
        ...worker,
        respondedAt: hours(3),
        acceptedAt: hours(3),
        nextDueAt: order.completionDueAt,
        ...trail(event(hours(3), 'take', 'pending', 'accepted', 'worker')),
      };
    case 'declined':
      return {
        status: 'declined',
        declineReason: seed.reason ?? '',
        respondedAt: hours(5),
        nextDueAt: null,
        ...trail(event(hours(5), 'decline', order.status, 'declined', 'staff', seed.reason ?? null)),
      };
    case 'referred':
      return {
        status: 'referred',
        referral: { to: seed.reason ?? '', note: '' },
        respondedAt: hours(6),
        nextDueAt: null,
        ...trail(event(hours(6), 'refer', order.status, 'referred', 'staff', `转介至「${seed.reason ?? ''}」`)),
      };
    case 'closed': {
      const closedAt = hours(30);
      const rating: OrderRatingDoc | null = seed.rating
        ? {
            score: seed.rating,
            comment: seed.rating >= 4 ? '很满意，谢谢社工' : '等了很久才有人联系',
            ratedBy: order.orderedBy,
            firstRatedAt: hours(40),
            updatedAt: hours(40),
            bad: seed.rating <= 2,
            reviewedAt: null,
            reviewedBy: null,
            reply: null,
          }
        : null;
      return {
        status: 'closed',
        ...worker,
        respondedAt: hours(4),
        acceptedAt: hours(4),
        closedAt,
        outcome: 'done',
        confirmBy: deadlineAt(closedAt, order.confirmHours),
        confirmedAt: hours(40),
        nextDueAt: null,
        rating,
        records: [
          {
            round: 1,
            startAt: hours(26),
            minutes: 60,
            method: order.delivery === 'home' ? 'home_visit' : 'at_station',
            note: '已按约完成服务',
            photoFileId: null,
            byId: workerId,
            byName: workerName,
            at: closedAt,
            hoursClaimId: null,
          },
        ],
        ...trail(
          event(hours(4), 'take', 'pending', 'accepted', 'worker'),
          event(closedAt, 'complete', 'accepted', 'done', 'worker'),
          event(hours(40), 'confirm', 'done', 'closed', 'orderer'),
          ...(rating ? [event(hours(40), 'rate', 'closed', 'closed', 'orderer')] : []),
        ),
      };
    }
    case 'assigned':
    case 'done':
    case 'failed':
    case 'cancelled':
      throw new Error(`seed state ${seed.status} not supported`);
  }
}
