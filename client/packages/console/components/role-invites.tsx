import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo } from 'react';
import { formatInviteCode, INVITE_STATE_LABELS } from '../../../../shared/domain/invites';
import { ROLE_LABELS } from '../../../../shared/domain/roles';
import { TIER_LABELS } from '../../../../shared/domain/station';
import { formatDateTime } from '../../../../shared/domain/time';
import { showSuccess } from '../../../lib/feedback';
import { qrDataUrl } from '../../../lib/qr';
import type { CreatedInvite, WaitingInvite } from '../api/reports';
import { inviteLink } from '../lib/invite-link';
import './console.scss';

/**
 * The invite just made, shown this once: the code to read out, a QR code and a link for the
 * invitee, and (weapp) a share card. The admin hands it over in person or in a private chat.
 */
export function CreatedInviteCard(props: { invite: CreatedInvite }) {
  const { invite } = props;
  const link = inviteLink(invite.code);
  const qr = useMemo(() => qrDataUrl(link, 6), [link]);
  return (
    <View className="card invite-card" id="created-invite">
      <Text className="console-title">{`邀请：${invite.stationName} · ${ROLE_LABELS[invite.role]}`}</Text>
      <Text className="hint">请对方在“我的 → 领取工作人员邀请”输入邀请码，或扫描下方二维码。</Text>
      <Text className="invite-card__code" id="created-invite-code">
        {formatInviteCode(invite.code)}
      </Text>
      <Image className="invite-card__qr" id="created-invite-qr" src={qr} mode="aspectFit" />
      <Text className="hint">{`有效至 ${formatDateTime(invite.expiresAt)}，只能使用一次；邀请码只显示这一次。`}</Text>
      <Text className="hint">对方领取后会出现在下方“待处理的邀请”中，请核对姓名和核对码后再确认授予。</Text>
      <View className="actions">
        {process.env.TARO_ENV === 'weapp' ? (
          <Button type="primary" openType="share" id="share-invite-button">
            发给对方（微信）
          </Button>
        ) : null}
        <Button
          type="primary"
          fill="outline"
          id="copy-invite-link-button"
          onClick={() => void Taro.setClipboardData({ data: link }).then(() => showSuccess('已复制'))}
        >
          复制邀请链接
        </Button>
      </View>
    </View>
  );
}

/**
 * Invites still waiting: not yet redeemed (withdraw), or redeemed by someone whose name, phone and
 * check number the admin compares with the person they meant before confirming — or declines.
 */
export function WaitingInvites(props: {
  items: WaitingInvite[];
  onConfirm: (invite: WaitingInvite) => void;
  onWithdraw: (invite: WaitingInvite) => void;
}) {
  if (props.items.length === 0) return null;
  return (
    <View id="waiting-invites">
      <Text className="section-title">待处理的邀请</Text>
      {props.items.map((invite) => (
        <View className="card" key={invite.inviteId} id={`invite-${invite.inviteId}`}>
          <Text className="activity-card__title">
            {`${invite.stationName}（${TIER_LABELS[invite.stationTier]}）· ${ROLE_LABELS[invite.role]}`}
          </Text>
          <Text className="status-line" id={`invite-state-${invite.inviteId}`}>
            {INVITE_STATE_LABELS[invite.status]}
          </Text>
          {invite.status === 'claimed' ? (
            <View>
              <Text className="row-block" id={`invite-claimant-${invite.inviteId}`}>
                {`领取人：${invite.claimantName ?? ''}（手机号 ${invite.claimantPhoneMasked ?? '未填写'}）`}
              </Text>
              <Text className="row-block">
                核对码：
                <Text className="invite-card__check" id={`invite-check-${invite.inviteId}`}>
                  {invite.checkCode ?? ''}
                </Text>
                （请对方报出其页面上的核对码，一致才确认）
              </Text>
            </View>
          ) : (
            <Text className="hint">{`${invite.createdByName} 创建于 ${formatDateTime(invite.createdAt)}，有效至 ${formatDateTime(invite.expiresAt)}`}</Text>
          )}
          <View className="actions">
            {invite.status === 'claimed' ? (
              <Button type="primary" id={`confirm-invite-${invite.inviteId}`} onClick={() => props.onConfirm(invite)}>
                确认授予
              </Button>
            ) : null}
            <Button
              type="danger"
              fill="outline"
              id={`withdraw-invite-${invite.inviteId}`}
              onClick={() => props.onWithdraw(invite)}
            >
              {invite.status === 'claimed' ? '不是此人，撤回' : '撤回邀请'}
            </Button>
          </View>
        </View>
      ))}
    </View>
  );
}
