import { Button, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../../shared/domain/time';
import type { Order } from '../api/orders';
import './orders.scss';

const WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const;

/**
 * 评单: five big buttons with the score written out (not only stars), an optional comment, and
 * the editable-until date. Shows the rating and the station's reply once given.
 */
export function RatingPanel(props: {
  order: Order;
  pending: boolean;
  onRate: (score: number, comment: string) => void;
}) {
  const { order } = props;
  const [score, setScore] = useState(order.rating?.score ?? 0);
  const [comment, setComment] = useState(order.rating?.comment ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setScore(order.rating?.score ?? 0);
    setComment(order.rating?.comment ?? '');
  }, [order.rating?.score, order.rating?.comment]);
  const submit = () => {
    if (!score) return setProblem('请先选择评分');
    setProblem(null);
    props.onRate(score, comment.trim());
  };
  return (
    <View className="card" id="rating-panel">
      <Text className="section-title">{order.rating ? '我的评价' : '请为这次服务打分'}</Text>
      {order.can.rate ? (
        <View>
          <View className="stars">
            {[1, 2, 3, 4, 5].map((n) => (
              <View
                key={n}
                id={`star-${n}`}
                className={`star${n <= score ? ' star--on' : ''}`}
                onClick={() => setScore(n)}
              >
                {`${n <= score ? '★' : '☆'} ${n}分`}
              </View>
            ))}
          </View>
          {score ? (
            <Text className="hint" id="rating-words">
              {WORDS[score]}
            </Text>
          ) : null}
          <View className="form-input">
            <TextArea
              id="rating-comment-input"
              value={comment}
              maxLength={200}
              placeholder="想说的话（可不填）"
              onChange={setComment}
            />
          </View>
          {problem ? <Text className="form-field__error">！{problem}</Text> : null}
          <View className="actions">
            <Button
              type="primary"
              id="submit-rating-button"
              loading={props.pending}
              disabled={props.pending}
              onClick={submit}
            >
              {order.rating ? '修改评价' : '提交评价'}
            </Button>
          </View>
          {order.rating ? (
            <Text className="hint">{`${formatDateTime(order.rating.editableUntil)} 前可修改`}</Text>
          ) : null}
        </View>
      ) : order.rating ? (
        <Text
          className="row-block"
          id="rating-given"
        >{`${order.rating.score} 分（${WORDS[order.rating.score] ?? ''}）${order.rating.comment ? `：${order.rating.comment}` : ''}`}</Text>
      ) : null}
      {order.rating?.reply ? (
        <Text className="notice" id="rating-reply">
          社工站回复：{order.rating.reply}
        </Text>
      ) : null}
    </View>
  );
}
