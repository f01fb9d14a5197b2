import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { TActivityDetail } from '../../../../shared/contracts/activities';
import { ACTIVITY_CATEGORIES, ACTIVITY_METHODS } from '../../../../shared/domain/activity';
import { formatDateTime, formatSpan } from '../../../../shared/domain/time';
import { ratingText, seatsText, waitlistText } from '../../../components/activity-card';
import { TimeText } from '../../../components/time-text';
import { phaseLabel } from '../../../lib/activity-text';
import { ROUTES, openPage } from '../../../lib/routes';

/** A phone number inside free text ("王社工 13800138000" or "021-65432100"), for tap-to-call. */
export function phoneIn(text: string): string | null {
  const match = /1[3-9]\d{9}|0\d{2,3}-?\d{7,8}/.exec(text);
  return match ? match[0] : null;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="meta-row">
      <Text className="meta-label">{label}</Text>
      <View className="meta-value">{children}</View>
    </View>
  );
}

/** The activity's own facts: title, category, time, place, station, seats, rating, sign-up window, contact. */
export function ActivityFacts({ activity }: { activity: TActivityDetail }) {
  const seats = seatsText(activity);
  const waitlist = waitlistText(activity);
  const rating = ratingText(activity);
  const contactPhone = phoneIn(activity.contact);
  const phase = phaseLabel(activity, new Date());
  const call = (phoneNumber: string) =>
    // Rejects when the person closes the call sheet: nothing to report.
    Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
  return (
    <View className="card">
      <Text className="activity-detail__title" id="activity-title">
        {activity.title}
      </Text>
      <View>
        <Text className="chip">{ACTIVITY_CATEGORIES[activity.category]}</Text>
        <Text className="chip chip--muted">{ACTIVITY_METHODS[activity.method]}</Text>
        {phase ? (
          <Text className="chip chip--muted" id="activity-phase">
            {phase}
          </Text>
        ) : null}
      </View>
      <Row label="时间">
        <TimeText id="activity-time" text={formatSpan(activity)} />
      </Row>
      <Row label="地点">
        <Text>{activity.location}</Text>
      </Row>
      <Row label="站点">
        <Text
          className="activity-detail__link"
          onClick={() => openPage(ROUTES.stationDetail, { stationId: activity.stationId })}
        >
          {activity.stationName}
        </Text>
      </Row>
      <Row label="名额">
        <Text className={`status-line status-line--${seats.tone}`} id="remaining-seats">
          {seats.text}
        </Text>
        <Text className="text-secondary">共 {activity.capacity} 个名额</Text>
        {waitlist ? (
          <Text className="status-line status-line--warn" id="waitlist-state">
            {waitlist}
          </Text>
        ) : activity.waitlistCapacity > 0 && activity.waitlisted > 0 ? (
          <Text className="text-secondary" id="waitlist-state">
            {`候补 ${activity.waitlisted} 人`}
          </Text>
        ) : null}
      </Row>
      {rating ? (
        <Row label="评价">
          <Text id="activity-rating">★ {rating}</Text>
        </Row>
      ) : null}
      <Row label="报名时间">
        <TimeText
          id="signup-window"
          text={`${formatDateTime(activity.signUpOpensAt)} 至 ${formatDateTime(activity.signUpClosesAt)}`}
        />
      </Row>
      {activity.contact ? (
        <Row label="联系方式">
          {contactPhone ? (
            <Text className="activity-detail__link" id="call-contact" onClick={() => void call(contactPhone)}>
              {activity.contact}（点击拨打）
            </Text>
          ) : (
            <Text>{activity.contact}</Text>
          )}
        </Row>
      ) : null}
    </View>
  );
}
