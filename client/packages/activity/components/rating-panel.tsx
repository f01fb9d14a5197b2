import { Button, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { TActivityDetail, TBooking } from '../../../../shared/contracts/activities';
import { formatDateTime } from '../../../../shared/domain/time';
import { showSuccess } from '../../../lib/feedback';
import { useRate } from '../api/use-booking';
import { SCORE_LABELS } from '../lib/booking-text';
import './rating-panel.scss';

const MAX_COMMENT = 300;
const SCORES = [1, 2, 3, 4, 5] as const;

/** "★★★★☆" for a score: filled and hollow stars differ in shape, not only in colour. */
export function starsOf(score: number): string {
  return '★★★★★'.slice(0, score) + '☆☆☆☆☆'.slice(0, 5 - score);
}

/**
 * Five big stars, each a full tap target with its score written under it ("4分"), and the
 * choice summed up in words ("已选 4 分 · 满意"). Built by hand rather than with NutUI Rate,
 * whose chosen and unchosen stars differ by colour alone and are too small to tap in 大字模式.
 */
function StarPicker({
  value,
  disabled,
  onChange,
}: {
  value: number;
  disabled: boolean;
  onChange: (n: number) => void;
}) {
  return (
    <View>
      <View className="star-picker" id="rating-stars">
        {SCORES.map((score) => {
          const on = score <= value;
          return (
            <View
              key={score}
              id={`rating-star-${score}`}
              className={`star-picker__star${on ? ' star-picker__star--on' : ''}${disabled ? ' star-picker__star--disabled' : ''}`}
              onClick={() => {
                if (!disabled) onChange(score);
              }}
            >
              <Text className="star-picker__glyph">{on ? '★' : '☆'}</Text>
              <Text className="star-picker__label">{score}分</Text>
            </View>
          );
        })}
      </View>
      <Text className="star-picker__summary" id="rating-choice">
        {value ? `已选 ${value} 分 · ${SCORE_LABELS[value]}` : '请点星星打分（1 分最低，5 分最高）'}
      </Text>
    </View>
  );
}

/**
 * After checking in: rate the activity 1–5 with an optional comment. An existing rating is shown
 * with the date until which it can still be changed; after that it is read-only.
 */
export function RatingPanel({
  activity,
  booking,
  onChanged,
}: {
  activity: TActivityDetail;
  booking: TBooking;
  onChanged: () => Promise<void>;
}) {
  const mine = booking.myRating;
  const [score, setScore] = useState(mine?.score ?? 0);
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const rate = useRate({
    onError: (error) => {
      if (error.code === 'RATING_LOCKED') void onChanged();
      return false;
    },
  });
  const locked = Boolean(mine && Date.parse(mine.editableUntil) <= Date.now());

  useEffect(() => {
    setScore(mine?.score ?? 0);
    setComment(mine?.comment ?? '');
  }, [mine?.score, mine?.comment]);

  const submit = async () => {
    if (score < 1) {
      setProblem('请先点星星选择 1 到 5 分');
      return;
    }
    if (comment.trim().length > MAX_COMMENT) {
      setProblem(`评价不能超过${MAX_COMMENT}个字`);
      return;
    }
    setProblem(null);
    const result = await rate.run(activity.activityId, score, comment.trim());
    if (result.ok) {
      showSuccess(mine ? '评价已修改' : '感谢您的评价');
      await onChanged();
    }
  };

  return (
    <View className="card" id="rating-panel">
      <Text className="section-title rating-panel__title">{mine ? '我的评价' : '给这次活动打个分'}</Text>
      {mine ? (
        <View id="my-rating">
          <Text className="rating-panel__mine">
            {starsOf(mine.score)} {mine.score} 分 · {SCORE_LABELS[mine.score]}
          </Text>
          {mine.comment ? <Text className="rating-panel__comment">“{mine.comment}”</Text> : null}
          <Text className="hint" id="rating-editable-until">
            {locked ? '评价已超过 7 天，不能再修改' : `可在 ${formatDateTime(mine.editableUntil)} 前修改`}
          </Text>
        </View>
      ) : (
        <Text className="hint">您的评价会帮助社工站把活动办得更好</Text>
      )}
      {locked ? null : (
        <View>
          <StarPicker
            value={score}
            disabled={rate.pending}
            onChange={(value) => {
              setScore(value);
              setProblem(null);
            }}
          />
          <View className="rating-panel__comment-box">
            <TextArea
              id="rating-comment"
              value={comment}
              placeholder="想说点什么？（选填，最多300字）"
              maxLength={MAX_COMMENT}
              showCount
              autoSize
              onChange={(value) => setComment(value)}
            />
          </View>
          {problem ? (
            <Text className="status-line status-line--danger" id="rating-error">
              ！{problem}
            </Text>
          ) : null}
          <View className="actions">
            <Button
              type="primary"
              size="large"
              block
              id="submit-rating-button"
              loading={rate.pending}
              disabled={rate.pending}
              onClick={() => void submit()}
            >
              {mine ? '修改评价' : '提交评价'}
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
