import { Switch } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { DEV_PERSONAS } from '../../../shared/contracts/dev';
import { canAnywhere } from '../../../shared/domain/policy';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { PageShell } from '../../components/page-shell';
import { ProfileEditor } from '../../components/profile-editor';
import { ErrorState, LoadingState } from '../../components/states';
import { useElderMode } from '../../hooks/use-elder-mode';
import { useMe, useUpdateProfile } from '../../hooks/use-me';
import { useUnreadMessages } from '../../hooks/use-unread-messages';
import { currentDevSession } from '../../lib/cloud';
import { setElderMode } from '../../lib/elder-mode';
import { ROUTES, openPage } from '../../lib/routes';
import './index.scss';

function Entry(props: { id: string; title: string; extra?: string; badge?: string; onClick: () => void }) {
  return (
    <View className="entry" id={props.id} onClick={props.onClick}>
      <Text className="entry__title">{props.title}</Text>
      <View className="entry__extra">
        {props.badge ? (
          <Text className="entry__badge" id={`${props.id}-badge`}>
            {props.badge}
          </Text>
        ) : null}
        {props.extra ? <Text>{props.extra}</Text> : null}
        <Text>›</Text>
      </View>
    </View>
  );
}

export default function MinePage() {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const unread = useUnreadMessages(Boolean(me.data));
  const elder = useElderMode();
  // The device setting applies at once; saving it to the profile is best effort.
  const saveProfile = useUpdateProfile({ onError: () => true });
  const isStaff = Boolean(me.data?.isStaff && canAnywhere({ grants: me.data.roles }, 'activity:manage'));
  const persona = process.env.TARO_ENV === 'h5' ? currentDevSession()?.persona : undefined;
  // 志愿者: 我的志愿服务 once registered (the profile carries the volunteer number), else 志愿者登记.
  const volunteerNo = me.data?.volunteerNo ?? null;

  usePullDownRefresh(async () => {
    await Promise.all([me.reload(), unread.reload()]);
    Taro.stopPullDownRefresh();
  });

  const toggleElder = (value: boolean) => {
    setElderMode(value);
    if (me.data) void saveProfile.run({ elderMode: value });
  };

  return (
    <PageShell>
      <View className="card" id="profile-card">
        {me.data && editing ? (
          <ProfileEditor
            me={me.data}
            onDone={(saved) => {
              setEditing(false);
              if (saved) void me.reload();
            }}
          />
        ) : me.data ? (
          <View>
            <View className="profile__head">
              <Text className="profile__name" id="profile-name">
                {me.data.nickname || '居民朋友'}
              </Text>
              <Text className="profile__edit" id="edit-profile-button" onClick={() => setEditing(true)}>
                修改
              </Text>
            </View>
            <View className="meta-row">
              <Text className="meta-label">手机号</Text>
              <Text className="meta-value" id="profile-phone">
                {me.data.phone ?? '未填写'}
              </Text>
            </View>
            {me.data.roles.map((role) => (
              <View className="meta-row" key={`${role.stationId}:${role.role}`}>
                <Text className="meta-label">身份</Text>
                <Text className="meta-value">{`${role.stationName} · ${ROLE_LABELS[role.role]}`}</Text>
              </View>
            ))}
          </View>
        ) : me.error ? (
          <ErrorState error={me.error} onRetry={() => void me.reload()} />
        ) : (
          <LoadingState />
        )}
      </View>

      <View className="entry-list">
        <Entry id="my-bookings-entry" title="我的报名" onClick={() => openPage(ROUTES.myBookings)} />
        <Entry id="my-orders-entry" title="我的服务单" onClick={() => openPage(ROUTES.myOrders)} />
        <Entry
          id="family-entry"
          title="我的家人"
          extra={me.data?.family.length ? `${me.data.family.length} 位` : '为家人报名'}
          onClick={() => openPage(ROUTES.family)}
        />
        <Entry id="my-pledges-entry" title="我的捐赠" onClick={() => openPage(ROUTES.myPledges)} />
        {me.data && canAnywhere({ grants: me.data.roles }, 'donation:manage') ? (
          <Entry
            id="donation-staff-entry"
            title="捐赠管理"
            extra="社工专用"
            onClick={() => openPage(ROUTES.donationStaff)}
          />
        ) : null}
        <Entry
          id="messages-entry"
          title="消息"
          badge={unread.data ? `${unread.data > 99 ? '99+' : unread.data} 条未读` : undefined}
          onClick={() => openPage(ROUTES.messages)}
        />
        {isStaff ? (
          <Entry
            id="console-entry"
            title="工作台"
            extra="今日活动 · 月报"
            onClick={() => openPage(ROUTES.consoleHome)}
          />
        ) : null}
        <Entry
          id="volunteer-entry"
          title={volunteerNo ? '我的志愿服务' : '志愿者登记'}
          extra={volunteerNo ? `编号 ${volunteerNo}` : '未登记'}
          onClick={() => openPage(volunteerNo ? ROUTES.volunteerProfile : ROUTES.volunteerRegister)}
        />
        {volunteerNo ? (
          <Entry
            id="targets-tasks-entry"
            title="我的探访任务"
            extra="结对探访"
            onClick={() => openPage(ROUTES.targetsTasks)}
          />
        ) : null}
        {me.data && canAnywhere({ grants: me.data.roles }, 'visits:record') ? (
          <Entry
            id="targets-plan-entry"
            title="探访关爱"
            extra="今日应访 · 离线记录"
            onClick={() => openPage(ROUTES.targetsPlan)}
          />
        ) : null}
        {me.data && canAnywhere({ grants: me.data.roles }, 'targets:read') ? (
          <Entry
            id="targets-roster-entry"
            title="服务对象档案"
            extra="社工专用"
            onClick={() => openPage(ROUTES.targetsRoster)}
          />
        ) : null}
        {me.data && (volunteerNo || canAnywhere({ grants: me.data.roles }, 'order:manage')) ? (
          <Entry
            id="order-work-entry"
            title="我的工单"
            extra="接单 · 办结"
            onClick={() => openPage(ROUTES.orderWork)}
          />
        ) : null}
        {me.data && canAnywhere({ grants: me.data.roles }, 'order:manage') ? (
          <Entry
            id="order-queue-entry"
            title="服务单管理"
            extra="社工专用"
            onClick={() => openPage(ROUTES.orderQueue)}
          />
        ) : null}
        {me.data && canAnywhere({ grants: me.data.roles }, 'hours:approve') ? (
          <Entry
            id="volunteer-review-entry"
            title="志愿时长审核"
            extra="社工专用"
            onClick={() => openPage(ROUTES.volunteerReview)}
          />
        ) : null}
        {isStaff ? (
          <Entry id="staff-entry" title="活动管理" extra="社工专用" onClick={() => openPage(ROUTES.staffActivities)} />
        ) : null}
        <Entry
          id="target-link-entry"
          title="绑定服务对象"
          extra="输入社工给的绑定码"
          onClick={() => openPage(ROUTES.targetLink)}
        />
        <Entry
          id="invite-entry"
          title="领取工作人员邀请"
          extra="输入邀请码"
          onClick={() => openPage(ROUTES.inviteRedeem)}
        />
        <View className="entry" id="elder-mode-entry" onClick={() => toggleElder(!elder)}>
          <View>
            <Text className="entry__title">大字模式</Text>
          </View>
          <View
            className="entry__extra"
            onClick={(event) => {
              event.stopPropagation();
            }}
          >
            <Text id="elder-mode-state">{elder ? '已开启' : '已关闭'}</Text>
            <Switch id="elder-mode-switch" checked={elder} onChange={toggleElder} />
          </View>
        </View>
        {process.env.TARO_ENV === 'h5' ? (
          <Entry
            id="switch-persona-entry"
            title="切换体验身份"
            extra={persona ? DEV_PERSONAS[persona].label : '未登录'}
            onClick={() => openPage(ROUTES.devSignIn)}
          />
        ) : null}
      </View>
    </PageShell>
  );
}
