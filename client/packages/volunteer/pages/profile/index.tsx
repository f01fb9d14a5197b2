import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { canAnywhere } from '../../../../../shared/domain/policy';
import { PageShell } from '../../../../components/page-shell';
import { ErrorState, LoadingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { ROUTES, type Route, openPage } from '../../../../lib/routes';
import { useMyHours, useVolunteerProfile } from '../../api/volunteering';
import '../../components/volunteer.scss';
import { hoursText } from '../../lib/text';

function Entry(props: { id: string; title: string; route: Route; query?: Record<string, string> }) {
  return (
    <View className="vol-entry" id={props.id} onClick={() => openPage(props.route, props.query)}>
      <Text>{props.title}</Text>
      <Text>›</Text>
    </View>
  );
}

/** 我的志愿服务: number, masked ID, totals (verified vs top-up) and the way to everything else. */
export default function VolunteerProfilePage() {
  const profile = useVolunteerProfile();
  const hours = useMyHours();
  const me = useMe();
  const isReviewer = Boolean(me.data && canAnywhere({ grants: me.data.roles }, 'hours:approve'));

  if (!profile.data) {
    if (profile.error?.code === 'NOT_REGISTERED') {
      return (
        <PageShell>
          <View className="card" id="not-registered">
            <Text className="vol-title">您还不是登记志愿者</Text>
            <Text className="hint">实名登记后，就可以报名活动的志愿岗位、记录服务时长、开具服务证明。</Text>
            <View className="actions">
              <Button
                type="primary"
                size="large"
                block
                id="go-register-button"
                onClick={() => openPage(ROUTES.volunteerRegister)}
              >
                去登记
              </Button>
            </View>
          </View>
          {isReviewer ? (
            <Entry id="review-entry" title="志愿时长审核（社工专用）" route={ROUTES.volunteerReview} />
          ) : null}
        </PageShell>
      );
    }
    return (
      <PageShell>
        {profile.error ? <ErrorState error={profile.error} onRetry={() => void profile.reload()} /> : <LoadingState />}
      </PageShell>
    );
  }
  const p = profile.data;
  const totals = hours.data?.totals;
  return (
    <PageShell>
      <View className="card" id="volunteer-card">
        <Text className="vol-title">{p.realName}</Text>
        <View className="meta-row">
          <Text className="meta-label">志愿者编号</Text>
          <Text className="meta-value" id="volunteer-no">
            {p.volunteerNo}
          </Text>
        </View>
        <View className="meta-row">
          <Text className="meta-label">身份证号</Text>
          <Text className="meta-value" id="volunteer-id-masked">
            {p.idMasked}
          </Text>
        </View>
        <View className="meta-row">
          <Text className="meta-label">服务站点</Text>
          <Text className="meta-value">{p.homeStationName}</Text>
        </View>
      </View>
      <View className="card" id="hours-summary">
        <Text className="vol-label">累计服务时长</Text>
        {totals ? (
          <View>
            <Text className="vol-big" id="total-hours">
              {hoursText(totals.totalMinutes)}
            </Text>
            <Text className="vol-row__line" id="verified-hours">
              签到核实：{hoursText(totals.verifiedMinutes)}
            </Text>
            <Text className="vol-row__line" id="topup-hours">
              补录：{hoursText(totals.topupMinutes)}
            </Text>
          </View>
        ) : hours.error ? (
          <ErrorState error={hours.error} onRetry={() => void hours.reload()} />
        ) : (
          <LoadingState />
        )}
      </View>
      <View>
        <Entry id="my-shifts-entry" title="我的岗位" route={ROUTES.volunteerShifts} />
        <Entry id="hours-entry" title="服务时长" route={ROUTES.volunteerHours} />
        <Entry id="claim-entry" title="申请补录" route={ROUTES.volunteerClaim} />
        <Entry id="certificate-entry" title="服务证明" route={ROUTES.volunteerCertificate} />
        <Entry
          id="leaderboard-entry"
          title="排行榜"
          route={ROUTES.volunteerLeaderboard}
          query={{ stationId: p.homeStationId, stationName: p.homeStationName }}
        />
        <Entry id="find-shifts-entry" title="找志愿岗位（活动列表）" route={ROUTES.activityList} />
        {isReviewer ? (
          <Entry id="review-entry" title="志愿时长审核（社工专用）" route={ROUTES.volunteerReview} />
        ) : null}
      </View>
    </PageShell>
  );
}
