import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { ROUTES, openPage } from '../../../../lib/routes';
import { useMyTasks } from '../../api/targets';
import { useAutoSync, useDrafts } from '../../api/use-sync';
import { SyncBanner } from '../../components/sync-banner';
import { deadlineWords, dueTone, dueWords, lastVisitWords } from '../../lib/text';
import '../../components/targets.scss';

/**
 * 我的探访任务 (volunteers): the people a station paired them with, as the masked view only — a
 * surname, the village and building, a phone for the visit, when it is due. Volunteer visits wait
 * for a 社工 to confirm them before they count.
 */
export default function TasksPage() {
  const tasks = useMyTasks(true);
  const drafts = useDrafts();
  const { syncing } = useAutoSync();
  usePullDownRefresh(async () => {
    await tasks.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void tasks.loadMore());

  return (
    <PageShell>
      <SyncBanner drafts={drafts} syncing={syncing} />
      <Text className="hint" id="tasks-privacy-note">
        为保护隐私，这里只显示姓氏、村/楼栋和联系电话，请勿截图转发。
      </Text>
      {tasks.error && !tasks.items.length ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.reload()} />
      ) : !tasks.loaded ? (
        <LoadingState />
      ) : tasks.items.length === 0 ? (
        <EmptyState title="暂时没有探访任务" description="社工站为您配对探访对象后，会显示在这里" />
      ) : (
        <View id="task-list">
          {tasks.items.map((task) => (
            <View className="card" key={task.targetId} id={`task-${task.targetId}`}>
              <Text className="tg-row__name" id={`task-name-${task.targetId}`}>
                {task.maskedName}
              </Text>
              <Text className="hint">{`${task.area} ${task.building}`}</Text>
              <Text className={`status-line status-line--${dueTone(task.dueStatus)}`} id={`task-due-${task.targetId}`}>
                {`${dueWords(task.dueStatus)} · ${lastVisitWords(task.lastVisitAt)}`}
              </Text>
              {task.dueStatus !== 'later' ? <Text className="hint">{deadlineWords(task.deadline)}</Text> : null}
              {task.myPendingVisits ? (
                <Text
                  className="hint"
                  id={`task-pending-${task.targetId}`}
                >{`您有 ${task.myPendingVisits} 次探访等待社工确认`}</Text>
              ) : null}
              <View className="actions">
                <Button
                  type="primary"
                  size="large"
                  id={`task-visit-${task.targetId}`}
                  onClick={() =>
                    openPage(ROUTES.targetsVisit, {
                      targetId: task.targetId,
                      name: task.maskedName,
                      volunteer: 1,
                      photos: 0,
                    })
                  }
                >
                  记录探访
                </Button>
                {task.contactPhone ? (
                  <Button
                    fill="outline"
                    size="large"
                    id={`task-call-${task.targetId}`}
                    onClick={() => void Taro.makePhoneCall({ phoneNumber: task.contactPhone! })}
                  >
                    {`打电话 ${task.contactPhone}`}
                  </Button>
                ) : null}
              </View>
            </View>
          ))}
          <LoadMore list={tasks} />
        </View>
      )}
    </PageShell>
  );
}
