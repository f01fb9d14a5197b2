import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { NEED_KINDS, NEED_STATUS_LABELS, formatFen } from '../../../../../shared/domain/donation';
import { formatDate } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { ErrorState, LoadingState } from '../../../../components/states';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useLedger } from '../../api/donations';
import { Progress } from '../../components/fields';
import '../../components/donation.scss';

/** A station's public transparency ledger (no sign-in): needs, arrivals by month, where things went. */
export default function LedgerPage() {
  const { params } = useRouter();
  const stationId = readParam(params.stationId);
  const ledger = useLedger(stationId);

  usePullDownRefresh(async () => {
    await ledger.reload();
    Taro.stopPullDownRefresh();
  });

  const data = ledger.data;
  if (!data) {
    return (
      <PageShell>
        {!stationId ? (
          <Text className="notice">缺少站点信息，请从站点页面进入。</Text>
        ) : ledger.error ? (
          <ErrorState error={ledger.error} onRetry={() => void ledger.reload()} />
        ) : (
          <LoadingState />
        )}
      </PageShell>
    );
  }

  return (
    <PageShell>
      <View className="card" id="ledger-summary">
        <Text className="activity-card__title" id="ledger-station-name">
          {data.stationName} · 公示账本
        </Text>
        <Text className="row-block" id="ledger-total">
          累计接收资源估值：{formatFen(data.totalReceivedValueFen)}
        </Text>
        <Text className="row-block text-secondary">
          资金类捐赠由慈善组织接收并开具票据，这里只记录认捐和物资、服务的实际去向。
        </Text>
      </View>

      <Text className="section-title">物资需求</Text>
      <View id="ledger-needs">
        {data.needs.length === 0 ? <Text className="row-block">暂无需求</Text> : null}
        {data.needs.map((need) => (
          <View className="card" key={need.needId} id={`ledger-need-${need.needId}`}>
            <Text className="activity-card__title">{need.title}</Text>
            <Text className="row-block">
              {NEED_KINDS[need.kind]} · 受益：{need.beneficiaryGroup} · {NEED_STATUS_LABELS[need.status]}
            </Text>
            <Progress
              received={need.receivedQuantity}
              target={need.targetQuantity}
              pledged={need.pledgedQuantity}
              unit={need.unit}
              percent={need.receivedPercent}
            />
            {need.status === 'open' ? (
              <View className="actions">
                <Button
                  type="primary"
                  fill="outline"
                  id={`ledger-pledge-${need.needId}`}
                  onClick={() => openPage(ROUTES.donationNeed, { needId: need.needId })}
                >
                  我要认捐
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </View>

      <Text className="section-title">按月接收</Text>
      <View className="card" id="ledger-months">
        {data.months.length === 0 ? <Text>暂无接收记录</Text> : null}
        {data.months.map((m) => (
          <View className="meta-row" key={`${m.month}-${m.kind}-${m.unit}`}>
            <Text className="meta-label">
              {m.month} {NEED_KINDS[m.kind]}
            </Text>
            <Text className="meta-value">
              {`${m.pledges} 笔，${m.receivedQuantity} ${m.unit}，估值 ${formatFen(m.receivedValueFen)}`}
            </Text>
          </View>
        ))}
      </View>

      <Text className="section-title">物资去向</Text>
      <View className="card" id="ledger-distributions">
        {data.distributions.length === 0 ? <Text>暂无发放记录</Text> : null}
        {data.distributions.map((d) => (
          <View className="row-block" key={d.distributionId} id={`ledger-distribution-${d.distributionId}`}>
            <Text className="text-strong">
              {formatDate(d.at)} · {d.needTitle ?? '站点统筹'}
            </Text>
            <Text className="row-block">
              {d.donorName} 捐赠的 {d.quantity} {d.unit}，发放给「{d.beneficiaryGroup}」
              {d.activityTitle ? `（活动：${d.activityTitle}）` : ''}
              {d.note ? `：${d.note}` : ''}
            </Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
