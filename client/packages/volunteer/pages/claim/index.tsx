import { Button, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Picker, Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { formatDateTime, fromAppWallClock } from '../../../../../shared/domain/time';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { showSuccess } from '../../../../lib/feedback';
import { useClaimHours, useMyClaims, useMyShifts } from '../../api/volunteering';
import { Chips, StationPicker } from '../../components/fields';
import '../../components/volunteer.scss';
import { CLAIM_STATUS_LABELS, beijingDay, hoursText } from '../../lib/text';

function MyClaims() {
  const claims = useMyClaims();
  useReachBottom(() => void claims.loadMore());
  if (!claims.loaded) {
    return claims.error ? <ErrorState error={claims.error} onRetry={() => void claims.reload()} /> : <LoadingState />;
  }
  if (!claims.items.length) return <Text className="hint">还没有补录申请。</Text>;
  return (
    <View id="my-claims">
      {claims.items.map((claim) => (
        <View className="vol-row" key={claim.claimId} id={`claim-${claim.claimId}`}>
          <View>
            <Text className="vol-tag" id={`claim-status-${claim.claimId}`}>
              {CLAIM_STATUS_LABELS[claim.status]}
            </Text>
            <Text className="text-strong">{hoursText(claim.minutes)}</Text>
          </View>
          <Text className="vol-row__line">{`${formatDateTime(claim.startAt)} · ${claim.activityTitle ?? '未关联活动'}`}</Text>
          <Text className="hint">服务内容：{claim.description}</Text>
          {claim.status !== 'pending' ? (
            <Text className="hint">
              {`审核意见：${claim.reviewReason || '无'}${claim.reviewedByName ? `（${claim.reviewedByName}）` : ''}`}
            </Text>
          ) : null}
        </View>
      ))}
      <LoadMore list={claims} />
    </View>
  );
}

/** 申请补录: hours a scan missed, reviewed by the station's staff. */
export default function VolunteerClaimPage() {
  const [stationId, setStationId] = useState<string | undefined>();
  const [activityId, setActivityId] = useState<string | undefined>();
  const [date, setDate] = useState(beijingDay(-1));
  const [time, setTime] = useState('09:00');
  const [minutes, setMinutes] = useState(60);
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [listKey, setListKey] = useState(0);
  const past = useMyShifts('past');
  const claim = useClaimHours();

  const check = () => {
    if (!stationId) return '请选择服务站点';
    if (!description.trim()) return '请填写服务内容';
    if (fromAppWallClock(`${date} ${time}`).getTime() + minutes * 60_000 > Date.now()) return '不能补录未来的服务时长';
    return null;
  };

  const submit = async () => {
    setConfirming(false);
    const answer = await claim.run({
      stationId: stationId as string,
      ...(activityId ? { activityId } : {}),
      startAt: fromAppWallClock(`${date} ${time}`).toISOString(),
      minutes,
      description: description.trim(),
    });
    if (answer.ok) {
      showSuccess('已提交');
      setDescription('');
      setListKey((k) => k + 1);
    }
  };

  return (
    <PageShell>
      <View className="card" id="claim-form">
        <Text className="vol-title">申请补录服务时长</Text>
        <Text className="hint">扫码签到或签退漏了时，可以在这里申请，由站点社工审核。</Text>
        <Text className="vol-label">服务站点</Text>
        <StationPicker value={stationId} onChange={(id) => setStationId(id)} />
        {past.items.length ? (
          <View>
            <Text className="vol-label">关联活动（可不选）</Text>
            <Chips
              idPrefix="claim-activity"
              options={past.items.map((s) => ({ key: s.activityId, label: s.activity.title }))}
              chosen={activityId ? [activityId] : []}
              onToggle={(key) => setActivityId(activityId === key ? undefined : key)}
            />
          </View>
        ) : null}
        <Text className="vol-label">服务日期和开始时间</Text>
        <View className="vol-chips">
          <Picker mode="date" value={date} end={beijingDay(0)} onChange={(e) => setDate(String(e.detail.value))}>
            <View className="vol-chip" id="claim-date">
              <Text>日期：{date}</Text>
            </View>
          </Picker>
          <Picker mode="time" value={time} onChange={(e) => setTime(String(e.detail.value))}>
            <View className="vol-chip" id="claim-time">
              <Text>开始：{time}</Text>
            </View>
          </Picker>
        </View>
        <Text className="vol-label">服务时长（每次加减半小时）</Text>
        <View className="vol-chips">
          <View className="vol-chip" id="claim-minutes-minus" onClick={() => setMinutes((m) => Math.max(30, m - 30))}>
            <Text>减半小时</Text>
          </View>
          <Text className="vol-big" id="claim-minutes">
            {hoursText(minutes)}
          </Text>
          <View className="vol-chip" id="claim-minutes-plus" onClick={() => setMinutes((m) => Math.min(720, m + 30))}>
            <Text>加半小时</Text>
          </View>
        </View>
        <Text className="vol-label">服务内容</Text>
        <View className="vol-input">
          <TextArea
            id="claim-description"
            value={description}
            maxLength={200}
            placeholder="例如：协助茶话会布置场地、分发茶点"
            onChange={setDescription}
          />
        </View>
        {problem ? (
          <Text className="vol-error" id="claim-error">
            ！{problem}
          </Text>
        ) : null}
        <View className="actions">
          <Button
            type="primary"
            size="large"
            block
            id="claim-submit-button"
            loading={claim.pending}
            disabled={claim.pending}
            onClick={() => {
              const found = check();
              setProblem(found);
              if (!found) setConfirming(true);
            }}
          >
            提交补录申请
          </Button>
        </View>
      </View>
      <View className="card">
        <Text className="section-title">我的补录申请</Text>
        <MyClaims key={listKey} />
      </View>
      <ConfirmDialog
        visible={confirming}
        title="提交补录申请"
        content={`${date} ${time} 起，${hoursText(minutes)}。提交后由社工审核，请确认填写属实。`}
        confirmText="确认提交"
        confirmId="confirm-claim-button"
        cancelId="cancel-claim-button"
        pending={claim.pending}
        onConfirm={() => void submit()}
        onCancel={() => setConfirming(false)}
      />
    </PageShell>
  );
}
