import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { abnormalItems, checklistLabel, VISIT_METHODS } from '../../../../../shared/domain/targets';
import { formatDateTime } from '../../../../../shared/domain/time';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState } from '../../../../components/states';
import { type CloudError, toCloudError } from '../../../../lib/cloud';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage } from '../../../../lib/routes';
import { fetchSyncedVersion, syncDraft } from '../../api/sync';
import type { Visit } from '../../api/targets';
import { useAutoSync, useDrafts } from '../../api/use-sync';
import {
  newClientId,
  patchDraft,
  readPhoto,
  removeDraft,
  saveDraft,
  savePhoto,
  type VisitDraft,
} from '../../lib/drafts';
import '../../components/targets.scss';

const STATUS_WORDS: Record<VisitDraft['status'], string> = {
  editing: '未填完（草稿）',
  queued: '等待网络，有网络后自动同步',
  syncing: '正在同步…',
  failed: '未能提交',
  conflict: '与已同步的内容不同',
};

function Summary({
  label,
  data,
}: {
  label: string;
  data: Pick<Visit, 'method' | 'startAt' | 'checklist' | 'summary' | 'followUp'>;
}) {
  const abnormal = abnormalItems(data.checklist);
  return (
    <View className="tg-compare">
      <Text className="text-strong">{label}</Text>
      <Text className="hint">{`${VISIT_METHODS[data.method]} · ${formatDateTime(data.startAt)}`}</Text>
      <Text className="hint">{abnormal.length ? `异常：${abnormal.map(checklistLabel).join('、')}` : '各项正常'}</Text>
      {data.summary ? <Text className="hint">{`说明：${data.summary}`}</Text> : null}
      {data.followUp ? <Text className="hint">{`跟进：${data.followUp.note}（${data.followUp.dueDate}）`}</Text> : null}
    </View>
  );
}

/**
 * 待同步: every visit draft on this phone and where it stands. Queued drafts sync by themselves
 * when the network returns (立即同步 tries now); a refused draft can be opened and fixed; a
 * conflict shows the draft beside what the server already has — the person chooses, nothing is
 * overwritten.
 */
export default function SyncPage() {
  const drafts = useDrafts();
  const { syncNow, syncing } = useAutoSync();
  const [compare, setCompare] = useState<Record<string, Visit | CloudError>>({});
  const [discarding, setDiscarding] = useState<VisitDraft | null>(null);

  const showServer = async (draft: VisitDraft) => {
    try {
      const visit = await fetchSyncedVersion(draft.clientId);
      setCompare((c) => ({ ...c, [draft.clientId]: visit }));
    } catch (error) {
      setCompare((c) => ({ ...c, [draft.clientId]: toCloudError(error) }));
    }
  };

  const retry = async (draft: VisitDraft) => {
    patchDraft(draft.clientId, { status: 'queued', problem: null });
    const outcome = await syncDraft(draft.clientId);
    if (outcome === 'synced') showSuccess('已同步');
  };

  /** Keep the draft as a separate, new visit (a new client id), leaving the synced one as it is. */
  const keepAsNew = async (draft: VisitDraft) => {
    const clientId = newClientId();
    for (const photo of draft.photos) savePhoto(clientId, photo.slot, readPhoto(draft.clientId, photo.slot));
    const photos = draft.photos.map((p) => ({ slot: p.slot, uploaded: null }));
    const copy: VisitDraft = { ...draft, clientId, status: 'queued', problem: null, photos };
    saveDraft(copy);
    removeDraft(draft.clientId);
    await syncDraft(copy.clientId);
  };

  const waiting = drafts.filter((d) => d.status !== 'editing');
  return (
    <PageShell>
      <View className="card" id="sync-summary">
        <Text className="text-strong" id="sync-count">
          {waiting.length ? `${waiting.length} 条探访待同步` : '没有待同步的探访'}
        </Text>
        <Text className="hint">草稿保存在本机，关闭小程序也不会丢失；有网络时会自动同步，同一条只会记录一次。</Text>
        {waiting.length ? (
          <View className="actions">
            <Button
              type="primary"
              size="large"
              id="sync-now-button"
              loading={syncing}
              disabled={syncing}
              onClick={() => void syncNow()}
            >
              立即同步
            </Button>
          </View>
        ) : null}
      </View>

      {drafts.length === 0 ? (
        <EmptyState
          title="本机没有探访草稿"
          actionText="返回今日探访"
          actionId="back-to-plan-button"
          onAction={() => openPage(ROUTES.targetsPlan)}
        />
      ) : null}

      {drafts.map((draft) => {
        const server = compare[draft.clientId];
        return (
          <View className="card" key={draft.clientId} id={`draft-${draft.clientId}`}>
            <Text className="tg-row__name">{draft.targetLabel}</Text>
            <Text className="hint">{`${VISIT_METHODS[draft.data.method]} · ${formatDateTime(draft.data.startAt)}${draft.photos.length ? ` · ${draft.photos.length} 张照片` : ''}`}</Text>
            <Text
              className={`status-line status-line--${draft.status === 'failed' || draft.status === 'conflict' ? 'danger' : 'warn'}`}
              id={`draft-status-${draft.clientId}`}
            >
              {STATUS_WORDS[draft.status]}
              {draft.problem ? `：${draft.problem}` : ''}
            </Text>
            {draft.status === 'conflict' ? (
              <View>
                <Summary
                  label="手机上的草稿"
                  data={{
                    ...draft.data,
                    followUp: draft.data.followUp ? { ...draft.data.followUp, orderId: null } : null,
                    summary: draft.data.summary ?? '',
                  }}
                />
                {server && 'visitId' in server ? <Summary label="已同步的记录" data={server} /> : null}
                {server && !('visitId' in server) ? <Text className="hint">{server.userMessage}</Text> : null}
                <View className="actions">
                  {!server ? (
                    <Button fill="outline" id={`compare-${draft.clientId}`} onClick={() => void showServer(draft)}>
                      查看已同步的内容
                    </Button>
                  ) : null}
                  <Button type="primary" id={`keep-new-${draft.clientId}`} onClick={() => void keepAsNew(draft)}>
                    另存为一次新探访
                  </Button>
                  <Button fill="outline" id={`discard-${draft.clientId}`} onClick={() => setDiscarding(draft)}>
                    保留已同步的，删除草稿
                  </Button>
                </View>
              </View>
            ) : (
              <View className="actions">
                {draft.status === 'editing' || draft.status === 'failed' ? (
                  <Button
                    type="primary"
                    id={`edit-${draft.clientId}`}
                    onClick={() =>
                      openPage(ROUTES.targetsVisit, {
                        targetId: draft.targetId,
                        name: draft.targetLabel,
                        draft: draft.clientId,
                        volunteer: draft.asVolunteer ? 1 : 0,
                        photos: draft.photosAllowed ? 1 : 0,
                      })
                    }
                  >
                    继续填写
                  </Button>
                ) : null}
                {draft.status === 'failed' ? (
                  <Button fill="outline" id={`retry-${draft.clientId}`} onClick={() => void retry(draft)}>
                    再试一次
                  </Button>
                ) : null}
                <Button
                  fill="outline"
                  type="danger"
                  id={`discard-${draft.clientId}`}
                  onClick={() => setDiscarding(draft)}
                >
                  删除草稿
                </Button>
              </View>
            )}
          </View>
        );
      })}

      <ConfirmDialog
        visible={discarding !== null}
        title="删除这条草稿？"
        content="删除后这条探访不会再同步，手机上的内容和照片也会删除。"
        confirmText="确认删除"
        danger
        confirmId="confirm-discard-button"
        cancelId="cancel-discard-button"
        onConfirm={() => {
          if (discarding) removeDraft(discarding.clientId);
          setDiscarding(null);
        }}
        onCancel={() => setDiscarding(null)}
      />
    </PageShell>
  );
}
