import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../../../../../shared/domain/roles';
import { TIER_LABELS } from '../../../../../shared/domain/station';
import { formatDateTime } from '../../../../../shared/domain/time';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { type StaffMember, useGrantRole, useRevokeRole, useStaffList } from '../../api/reports';
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

/** Admins: the staff of a station subtree; grant a role by phone, revoke one after asking. */
export default function StaffManagementPage() {
  const me = useMe();
  const stations = me.data ? stationsWith(me.data, 'roles:grant') : [];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const stationId = stations.some((s) => s.stationId === chosen) ? chosen : stations[0]?.stationId;
  const list = useStaffList(stationId);
  const [phone, setPhone] = useState('');
  const [phoneProblem, setPhoneProblem] = useState<string | null>(null);
  const [role, setRole] = useState<StaffRole>('staff');
  const [revoking, setRevoking] = useState<Revoking | null>(null);
  const grant = useGrantRole({
    onError: (error) => {
      if (error.fields?.phone) {
        setPhoneProblem(error.fields.phone);
        return true;
      }
      return false;
    },
  });
  const revoke = useRevokeRole();

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
  const stationName = stations.find((s) => s.stationId === stationId)?.stationName ?? '';

  const submitGrant = async () => {
    const trimmed = phone.trim();
    if (!/^1\d{10}$/.test(trimmed)) {
      setPhoneProblem('请输入11位手机号');
      return;
    }
    const result = await grant.run(stationId, trimmed, role);
    if (result.ok) {
      showSuccess('已授予');
      setPhone('');
      await list.reload();
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
      <StationPicker stations={stations} value={stationId} onChange={setChosen} />

      <View className="card" id="grant-form">
        <Text className="console-title">添加工作人员</Text>
        <Text className="hint">在“{stationName}”授予权限。对方需先用手机号登录过本小程序。</Text>
        <Text className="section-title">手机号</Text>
        <View className={`console-input${phoneProblem ? ' console-input--error' : ''}`}>
          <Input
            id="grant-phone-input"
            type="number"
            value={phone}
            maxLength={11}
            placeholder="例如：13800001234"
            onChange={(value) => {
              setPhone(value);
              setPhoneProblem(null);
            }}
          />
        </View>
        {phoneProblem ? (
          <Text className="console-error" id="grant-phone-error">
            ！{phoneProblem}
          </Text>
        ) : null}
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
            id="grant-role-button"
            loading={grant.pending}
            disabled={grant.pending}
            onClick={() => void submitGrant()}
          >
            授予“{ROLE_LABELS[role]}”
          </Button>
        </View>
      </View>

      <Text className="section-title">工作人员</Text>
      {list.loading && !list.data ? (
        <LoadingState />
      ) : list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : items.length === 0 ? (
        <EmptyState title="这里还没有工作人员" description="在上方输入手机号授予权限" />
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
