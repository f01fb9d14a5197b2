import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { GENDERS } from '../../../../shared/domain/targets';
import { ROUTES, openPage } from '../../../lib/routes';
import type { TargetRow as Row } from '../api/targets';
import { ageWords, categoryWords, deadlineWords, dueTone, dueWords, lastVisitWords, tierWords } from '../lib/text';
import './targets.scss';

/** One record in the roster or the plan: who, where, tier, due status in words, and what to do next. */
export function TargetRow({ row, showVisit }: { row: Row; showVisit: boolean }) {
  return (
    <View className="card" id={`target-${row.targetId}`}>
      <View onClick={() => openPage(ROUTES.targetsRecord, { targetId: row.targetId })}>
        <Text className="tg-row__name">{row.name}</Text>
        <Text className="hint">{`${GENDERS[row.gender]} · ${ageWords(row.birthYear)} · ${row.area} ${row.building}`}</Text>
        <View>
          <Text className="chip">{tierWords(row.tier)}</Text>
          {row.urgent ? <Text className="chip">！24小时内探访</Text> : null}
          {row.mine ? <Text className="chip chip--muted">我负责</Text> : null}
        </View>
        <Text className="hint">{categoryWords(row.categories)}</Text>
        <Text className="hint">{`${row.stationName} · 责任社工：${row.responsibleWorkerName ?? '待分配'}`}</Text>
        <Text className={`status-line status-line--${dueTone(row.dueStatus)}`} id={`due-${row.targetId}`}>
          {`${dueWords(row.dueStatus)} · ${lastVisitWords(row.lastVisitAt)}`}
        </Text>
        {row.deadline && row.dueStatus !== 'later' ? <Text className="hint">{deadlineWords(row.deadline)}</Text> : null}
      </View>
      {showVisit && row.status === 'active' ? (
        <View className="actions">
          <Button
            type="primary"
            size="large"
            id={`visit-${row.targetId}`}
            onClick={() =>
              openPage(ROUTES.targetsVisit, {
                targetId: row.targetId,
                name: row.name,
                photos: row.consentGiven ? 1 : 0,
              })
            }
          >
            记录探访
          </Button>
          <Button
            fill="outline"
            id={`open-${row.targetId}`}
            onClick={() => openPage(ROUTES.targetsRecord, { targetId: row.targetId })}
          >
            查看档案
          </Button>
        </View>
      ) : null}
    </View>
  );
}
