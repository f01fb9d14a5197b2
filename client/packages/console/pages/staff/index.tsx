import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { ScrollView, Text, View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { inviteRedeemPath } from '../../../../../shared/domain/invites';
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../../../../../shared/domain/roles';
import { TIER_LABELS } from '../../../../../shared/domain/station';
import { formatDateTime } from '../../../../../shared/domain/time';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES } from '../../../../lib/routes';
import {
  type CreatedInvite,
  type StaffMember,
  type WaitingInvite,
  useConfirmRoleInvite,
  useCreateRoleInvite,
  useRevokeRole,
  useRoleInvites,
  useStaffList,
  useWithdrawRoleInvite,
} from '../../api/reports';
import { CreatedInviteCard, WaitingInvites } from '../../components/role-invites';
import { StationPicker } from '../../components/station-picker';
import { stationsWith } from '../../lib/stations';
import '../../components/console.scss';

interface Revoking {
  userId: string;
  nickname: string;
  stationId: string;
  stationName: string;
  role: StaffRole;
}

/**
 * Admins: the staff of a station subtree. A role is granted by invitation at any station beneath
 * the admin — the invitee redeems the code, the admin checks who did and confirms (ADR 0023); a
 * role is revoked after asking.
 */
export default function StaffManagementPage() {
  const me = useMe();
  const roots = me.data ? stationsWith(me.data, 'roles:grant') : [];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const stationId = roots.some((s) => s.stationId === chosen) ? chosen : roots[0]?.stationId;
  const list = useStaffList(stationId);
  const invites = useRoleInvites(stationId);
  const [inviteStation, setInviteStation] = useState<string | undefined>(undefined);
  const [role, setRole] = useState<StaffRole>('staff');
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [confirming, setConfirming] = useState<WaitingInvite | null>(null);
  const [withdrawing, setWithdrawing] = useState<WaitingInvite | null>(null);
  const [revoking, setRevoking] = useState<Revoking | null>(null);
  const create = useCreateRoleInvite();
  const confirm = useConfirmRoleInvite();
  const withdraw = useWithdrawRoleInvite();
  const revoke = useRevokeRole();

  // weapp: 发给对方 shares the redeem page with the code as a chat card.
  const sharing = useRef<CreatedInvite | null>(null);
  sharing.current = created;
  useShareAppMessage(() => {
    const invite = sharing.current;
    return invite
      ? {
          title: `邀请您成为${invite.stationName}的${ROLE_LABELS[invite.role]}`,
          path: inviteRedeemPath(invite.code),
        }
      : { title: '社工站通', path: ROUTES.home };
  });

  if (!me.data) {
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  }
  if (!stationId) {
    return (
      <PageShell>
        <EmptyState title="只有区级管理员可以管理人员" description="如需调整权限，请联系区级指导中心" />
      </PageShell>
    );
  }

  const stations = list.data?.stations ?? [];
  const target = stations.find((s) => s.stationId === inviteStation) ?? stations[0];

  const reloadAll = () => Promise.all([list.reload(), invites.reload()]);

  const submitInvite = async () => {
    if (!target) return;
    const result = await create.run(target.stationId, role);
    if (result.ok) {
      setCreated(result.value);
      showSuccess('邀请码已生成');
      await invites.reload();
    }
  };

  const confirmGrant = async () => {
    if (!confirming) return;
    const result = await confirm.run(confirming.inviteId);
    setConfirming(null);
    if (result.ok) {
      showSuccess('已授予');
      await reloadAll();
    }
  };

  const confirmWithdraw = async () => {
    if (!withdrawing) return;
    const result = await withdraw.run(withdrawing.inviteId);
    setWithdrawing(null);
    if (result.ok) {
      showSuccess('已撤回');
      if (created && withdrawing.inviteId === created.inviteId) setCreated(null);
      await invites.reload();
    }
  };

  const confirmRevoke = async () => {
    if (!revoking) return;
    const result = await revoke.run(revoking.stationId, revoking.userId);
    setRevoking(null);
    if (result.ok) {
      showSuccess('已撤销');
      await list.reload();
    }
  };

  const items: StaffMember[] = list.data?.items ?? [];

  return (
    <PageShell>
      <StationPicker stations={roots} value={stationId} onChange={setChosen} />

      <View className="card" id="invite-form">
        <Text className="console-title">邀请工作人员</Text>
        <Text className="hint">
          生成一次性邀请码发给对方；对方领取后，您核对姓名和核对码再确认授予。邀请码 72 小时内有效，只能使用一次。
        </Text>
        <Text className="section-title">站点</Text>
        {stations.length === 0 ? (
          <LoadingState />
        ) : (
          <ScrollView scrollX className="filter-bar" id="invite-station-picker">
            {stations.map((s) => {
              const active = s.stationId === target?.stationId;
              return (
                <View
                  key={s.stationId}
                  id={`invite-station-${s.stationId}`}
                  className={`filter-chip${active ? ' filter-chip--active' : ''}`}
                  onClick={() => setInviteStation(s.stationId)}
                >
                  {`${active ? '✓ ' : ''}${s.stationName}（${TIER_LABELS[s.stationTier]}）`}
                </View>
              );
            })}
          </ScrollView>
        )}
        <Text className="section-title">身份</Text>
        <View id="grant-role-picker">
          {STAFF_ROLES.map((key) => (
            <View
              key={key}
              id={`grant-role-${key}`}
              className={`filter-chip${key === role ? ' filter-chip--active' : ''}`}
              onClick={() => setRole(key)}
            >
              {key === role ? `✓ ${ROLE_LABELS[key]}` : ROLE_LABELS[key]}
            </View>
          ))}
        </View>
        <View className="actions">
          <Button
            type="primary"
            id="create-invite-button"
            loading={create.pending}
            disabled={create.pending || !target}
            onClick={() => void submitInvite()}
          >
            {target ? `生成“${target.stationName} · ${ROLE_LABELS[role]}”邀请码` : '生成邀请码'}
          </Button>
        </View>
      </View>

      {created ? <CreatedInviteCard invite={created} /> : null}

      <WaitingInvites items={invites.data?.items ?? []} onConfirm={setConfirming} onWithdraw={setWithdrawing} />

      <Text className="section-title">工作人员</Text>
      {list.loading && !list.data ? (
        <LoadingState />
      ) : list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : items.length === 0 ? (
        <EmptyState title="这里还没有工作人员" description="在上方生成邀请码邀请工作人员" />
      ) : (
        <View id="staff-list">
          <Text className="list-summary">共 {items.length} 人</Text>
          {items.map((member) => (
            <View className="card" key={member.userId} id={`staff-${member.userId}`}>
              <Text className="activity-card__title">{member.nickname}</Text>
              <Text className="hint">手机号：{member.phoneMasked ?? '未填写'}</Text>
              {member.roles.map((grantRow, index) => (
                <View className="role-row" key={`${grantRow.stationId}:${grantRow.role}`}>
                  <Text className="role-row__text">
                    {`${grantRow.stationName}（${TIER_LABELS[grantRow.stationTier]}）· ${ROLE_LABELS[grantRow.role]}`}
                    {`\n授予于 ${formatDateTime(grantRow.grantedAt)}`}
                  </Text>
                  {member.userId !== me.data?.userId ? (
                    <Button
                      type="danger"
                      fill="outline"
                      id={index === 0 ? `revoke-${member.userId}` : `revoke-${member.userId}-${grantRow.stationId}`}
                      onClick={() =>
                        setRevoking({
                          userId: member.userId,
                          nickname: member.nickname,
                          stationId: grantRow.stationId,
                          stationName: grantRow.stationName,
                          role: grantRow.role,
                        })
                      }
                    >
                      撤销
                    </Button>
                  ) : (
                    <Text className="text-secondary">（本人）</Text>
                  )}
                </View>
              ))}
            </View>
          ))}
        </View>
      )}

      <ConfirmDialog
        visible={confirming !== null}
        title="确认授予权限"
        content={
          confirming
            ? `授予后，${confirming.claimantName ?? ''}（${confirming.claimantPhoneMasked ?? '未填写手机号'}）将成为“${confirming.stationName}”的${ROLE_LABELS[confirming.role]}。请确认对方报出的核对码是 ${confirming.checkCode ?? ''}。确定授予吗？`
            : ''
        }
        confirmText="确认授予"
        pending={confirm.pending}
        confirmId="confirm-grant-button"
        cancelId="cancel-grant-button"
        onConfirm={() => void confirmGrant()}
        onCancel={() => setConfirming(null)}
      />

      <ConfirmDialog
        visible={withdrawing !== null}
        title="撤回邀请"
        content={
          withdrawing
            ? withdrawing.status === 'claimed'
              ? `撤回后，${withdrawing.claimantName ?? '领取人'}不会获得权限，邀请码作废。确定撤回吗？`
              : '撤回后邀请码作废，对方将无法领取。确定撤回吗？'
            : ''
        }
        confirmText="确认撤回"
        danger
        pending={withdraw.pending}
        confirmId="confirm-withdraw-button"
        cancelId="cancel-withdraw-button"
        onConfirm={() => void confirmWithdraw()}
        onCancel={() => setWithdrawing(null)}
      />

      <ConfirmDialog
        visible={revoking !== null}
        title="撤销权限"
        content={
          revoking
            ? `撤销后，${revoking.nickname}将不再是“${revoking.stationName}”的${ROLE_LABELS[revoking.role]}。确定撤销吗？`
            : ''
        }
        confirmText="确认撤销"
        danger
        pending={revoke.pending}
        confirmId="confirm-revoke-button"
        cancelId="cancel-revoke-button"
        onConfirm={() => void confirmRevoke()}
        onCancel={() => setRevoking(null)}
      />
    </PageShell>
  );
}
