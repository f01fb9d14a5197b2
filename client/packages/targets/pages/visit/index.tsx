import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import '../../lib/zod-setup';
import { ZVisitInput, type TVisitInput } from '../../../../../shared/contracts/targets';
import { abnormalItems, checklistLabel, VISIT_METHODS, type VisitMethod } from '../../../../../shared/domain/targets';
import { formatDateTime, fromAppWallClock, inAppZone } from '../../../../../shared/domain/time';
import { VISIT_PHOTO_LIMIT, VISIT_TIME_MESSAGES, visitTimeProblem } from '../../../../../shared/domain/visit';
import { DateField } from '../../../../components/date-field';
import { PageShell } from '../../../../components/page-shell';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { takePhoto } from '../../../../lib/take-photo';
import { syncDraft, type SyncOutcome } from '../../api/sync';
import { useDrafts } from '../../api/use-sync';
import { ChecklistToggles } from '../../components/checklist';
import { ChoiceChips, FormField, TextAreaField } from '../../components/fields';
import { TimeField } from '../../components/time-field';
import {
  getDraft,
  listDrafts,
  newClientId,
  readPhoto,
  removePhoto,
  saveDraft,
  savePhoto,
  type VisitDraft,
} from '../../lib/drafts';
import { currentPlace } from '../../lib/location';
import '../../components/targets.scss';

const METHOD_OPTIONS = (Object.keys(VISIT_METHODS) as VisitMethod[]).map((key) => ({
  key,
  label: VISIT_METHODS[key],
}));
const DURATIONS = [
  { key: '15', label: '15 分钟' },
  { key: '30', label: '30 分钟' },
  { key: '60', label: '1 小时' },
  { key: '120', label: '2 小时' },
] as const;

type Errors = Partial<Record<string, string>>;

const ymd = (d: Date) => inAppZone(d).format('YYYY-MM-DD');
const addDays = (days: number) => ymd(new Date(Date.now() + days * 86_400_000));

/** A fresh draft for a target, started now. */
function freshDraft(args: {
  targetId: string;
  label: string;
  asVolunteer: boolean;
  photosAllowed: boolean;
}): VisitDraft {
  const now = new Date().toISOString();
  return {
    clientId: newClientId(),
    targetId: args.targetId,
    targetLabel: args.label,
    asVolunteer: args.asVolunteer,
    photosAllowed: args.photosAllowed && !args.asVolunteer,
    data: {
      method: 'door',
      startAt: now,
      endAt: now,
      companions: [],
      checklist: {},
      notes: {},
      summary: '',
      followUp: null,
      location: null,
      photoFileIds: [],
      // Set by the sync when a send finds no network.
      draftedOffline: false,
    },
    photos: [],
    status: 'editing',
    problem: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The visit form (探访记录), built for the door: one hand, the largest font, no signal. Every
 * change is kept on the phone at once, so closing the app loses nothing; 提交 sends it when there
 * is a network and otherwise leaves it in the queue, which syncs by itself once the network
 * returns. The checklist is big 正常/异常 toggles; an abnormal item asks for a follow-up note and
 * a date.
 */
export default function VisitPage() {
  const { params } = useRouter();
  const targetId = readParam(params.targetId) ?? '';
  const label = readParam(params.name) ?? '';
  const asVolunteer = params.volunteer === '1';
  const photosAllowed = params.photos === '1';
  const resumeId = readParam(params.draft);

  const [draft, setDraft] = useState<VisitDraft | null>(null);
  const [backdated, setBackdated] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  const located = useRef(false);
  const drafts = useDrafts();

  // Resume the draft named in the link, or this target's unfinished one, or start a new one.
  useEffect(() => {
    const found =
      (resumeId ? getDraft(resumeId) : null) ??
      listDrafts().find((d) => d.targetId === targetId && (d.status === 'editing' || d.status === 'failed')) ??
      null;
    const next = found ?? freshDraft({ targetId, label, asVolunteer, photosAllowed });
    if (!found) saveDraft(next);
    setDraft(next);
    setBackdated(Boolean(found && found.data.endAt !== found.data.startAt));
  }, [resumeId, targetId, label, asVolunteer, photosAllowed]);

  const update = (patch: Partial<TVisitInput>) => {
    setDraft((current) => {
      if (!current) return current;
      const next: VisitDraft = { ...current, data: { ...current.data, ...patch }, status: 'editing', problem: null };
      saveDraft(next);
      return next;
    });
    setErrors({});
  };

  // Where the door is, when the phone will say (never waits for it; only a distance is kept).
  useEffect(() => {
    if (!draft || located.current || draft.data.method !== 'door' || draft.data.location) return;
    located.current = true;
    void currentPlace().then((place) => {
      if (place) update({ location: place });
    });
  }, [draft]);

  const abnormal = useMemo(() => (draft ? abnormalItems(draft.data.checklist) : []), [draft]);
  const waiting = drafts.filter((d) => d.status !== 'editing').length;

  if (!draft) return <PageShell />;

  const start = new Date(draft.data.startAt);
  const minutes = Math.max(0, Math.round((new Date(draft.data.endAt).getTime() - start.getTime()) / 60_000));

  const setBackdatedStart = (day: string, time: string, length: number) => {
    const startAt = fromAppWallClock(`${day}T${time}:00`);
    update({ startAt: startAt.toISOString(), endAt: new Date(startAt.getTime() + length * 60_000).toISOString() });
  };

  const addPhoto = async () => {
    const picked = await takePhoto();
    if (!picked) return;
    const slot = draft.photos.reduce((max, p) => Math.max(max, p.slot + 1), 0);
    savePhoto(draft.clientId, slot, picked.base64);
    const next = { ...draft, photos: [...draft.photos, { slot, uploaded: null }] };
    saveDraft(next);
    setDraft(next);
  };

  const dropPhoto = (slot: number) => {
    removePhoto(draft.clientId, slot);
    const next = { ...draft, photos: draft.photos.filter((p) => p.slot !== slot) };
    saveDraft(next);
    setDraft(next);
  };

  const submit = async () => {
    // A live visit ends now; a backdated one keeps the times the person chose.
    const data: TVisitInput = backdated ? draft.data : { ...draft.data, endAt: new Date().toISOString() };
    const found: Errors = {};
    const parsed = ZVisitInput.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.join('.') || '_';
        found[key] ??= issue.message;
      }
    }
    const timeProblem = visitTimeProblem({ startAt: new Date(data.startAt), endAt: new Date(data.endAt) }, new Date());
    if (timeProblem)
      found.startAt =
        timeProblem === 'too_long' && !backdated
          ? '这条探访开始得太久了，请打开“补记以前的探访”填写实际时间'
          : VISIT_TIME_MESSAGES[timeProblem];
    setErrors(found);
    if (Object.keys(found).length) {
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      return;
    }
    const queued: VisitDraft = { ...draft, data, status: 'queued', problem: null };
    saveDraft(queued);
    setDraft(queued);
    setSending(true);
    try {
      const result = await syncDraft(draft.clientId);
      setOutcome(result);
      if (result === 'refused') {
        const stored = getDraft(draft.clientId);
        if (stored) setDraft(stored);
        void Taro.showModal({
          title: '探访没有提交成功',
          content: `${stored?.problem ?? ''}（草稿仍保存在手机上，可修改后再提交）`,
          showCancel: false,
          confirmText: '知道了',
        });
      }
    } finally {
      setSending(false);
    }
  };

  if (outcome === 'synced' || outcome === 'offline' || outcome === 'conflict') {
    return (
      <PageShell>
        <View className="card" id="visit-result">
          {outcome === 'synced' ? (
            <Text className="status-line status-line--ok" id="visit-result-text">
              {asVolunteer ? '✓ 探访已提交，等待社工确认' : '✓ 探访已记录'}
            </Text>
          ) : outcome === 'offline' ? (
            <Text className="status-line status-line--warn" id="visit-result-text">
              {`已保存在手机上，有网络后会自动同步（待同步 ${Math.max(waiting, 1)} 条）`}
            </Text>
          ) : (
            <Text className="status-line status-line--danger" id="visit-result-text">
              这条探访之前已同步过，且内容不同，请到“待同步”查看两份内容
            </Text>
          )}
          <View className="actions">
            <Button
              type="primary"
              size="large"
              id="back-to-plan-button"
              onClick={() => openPage(asVolunteer ? ROUTES.targetsTasks : ROUTES.targetsPlan)}
            >
              {asVolunteer ? '返回我的探访任务' : '返回今日探访'}
            </Button>
            {outcome !== 'synced' ? (
              <Button fill="outline" size="large" id="open-sync-button" onClick={() => openPage(ROUTES.targetsSync)}>
                查看待同步
              </Button>
            ) : null}
          </View>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <View className="card" id="visit-form">
        <Text className="tg-row__name" id="visit-target-name">
          {draft.targetLabel || '探访对象'}
        </Text>
        {asVolunteer ? <Text className="hint">志愿者探访，提交后由社工确认</Text> : null}
        {draft.status === 'failed' && draft.problem ? (
          <Text className="status-line status-line--danger" id="draft-problem">
            {`上次提交未成功：${draft.problem}`}
          </Text>
        ) : null}
        <Text className="hint" id="visit-start">
          {backdated
            ? `补记：${formatDateTime(draft.data.startAt)}，约 ${minutes} 分钟`
            : `开始时间：${formatDateTime(draft.data.startAt)}（提交时记为结束）`}
        </Text>
        {errors.startAt || errors.endAt ? (
          <Text className="form-field__error" id="field-startAt-error">
            ！{errors.startAt ?? errors.endAt}
          </Text>
        ) : null}
        <View
          className={`filter-chip${backdated ? ' filter-chip--active' : ''}`}
          id="backdate-toggle"
          onClick={() => {
            const next = !backdated;
            setBackdated(next);
            if (next) setBackdatedStart(ymd(new Date()), inAppZone(new Date()).subtract(1, 'hour').format('HH:00'), 30);
            else update({ startAt: new Date().toISOString(), endAt: new Date().toISOString() });
          }}
        >
          {backdated ? '✓ 补记以前的探访' : '补记以前的探访'}
        </View>
        {backdated ? (
          <View>
            <FormField name="visit-date" label="探访日期">
              <DateField
                name="visit-date"
                value={ymd(start)}
                onChange={(day) => day && setBackdatedStart(day, inAppZone(start).format('HH:mm'), minutes || 30)}
              />
            </FormField>
            <FormField name="visit-time" label="开始时间">
              <TimeField
                name="visit-time"
                value={inAppZone(start).format('HH:mm')}
                onChange={(time) => setBackdatedStart(ymd(start), time, minutes || 30)}
              />
            </FormField>
            <FormField name="visit-length" label="时长">
              <ChoiceChips
                name="length"
                options={DURATIONS}
                value={DURATIONS.some((d) => d.key === String(minutes)) ? (String(minutes) as '30') : ''}
                onChange={(key) => setBackdatedStart(ymd(start), inAppZone(start).format('HH:mm'), Number(key))}
              />
            </FormField>
          </View>
        ) : null}
      </View>

      <View className="card">
        <FormField name="method" label="探访方式" required error={errors.method}>
          <ChoiceChips
            name="method"
            options={METHOD_OPTIONS}
            value={draft.data.method}
            onChange={(method) => update({ method })}
          />
        </FormField>
        {draft.data.method === 'door' ? (
          <Text className="hint" id="location-state">
            {draft.data.location ? '✓ 已记录位置（只保存与住址的距离）' : '位置：未获取（不影响提交）'}
          </Text>
        ) : null}
      </View>

      <View className="card">
        <Text className="section-title">探访情况</Text>
        {errors.checklist ? (
          <Text className="form-field__error" id="field-checklist-error">
            ！{errors.checklist}
          </Text>
        ) : null}
        <ChecklistToggles value={draft.data.checklist} onChange={(checklist) => update({ checklist })} />
      </View>

      {abnormal.length ? (
        <View className="card" id="follow-up">
          <Text className="section-title">需要跟进</Text>
          <Text className="hint">{`异常：${abnormal.map(checklistLabel).join('、')}`}</Text>
          <TextAreaField
            name="followUpNote"
            label="跟进事项"
            required
            maxLength={200}
            value={draft.data.followUp?.note ?? ''}
            error={errors.followUp ?? errors['followUp.note']}
            onChange={(note) => update({ followUp: { note, dueDate: draft.data.followUp?.dueDate ?? addDays(1) } })}
          />
          <FormField name="followUpDate" label="跟进日期" required error={errors['followUp.dueDate']}>
            <ChoiceChips
              name="due"
              options={[
                { key: addDays(1), label: '明天' },
                { key: addDays(3), label: '3 天内' },
                { key: addDays(7), label: '一周内' },
              ]}
              value={draft.data.followUp?.dueDate ?? ''}
              onChange={(dueDate) => update({ followUp: { note: draft.data.followUp?.note ?? '', dueDate } })}
            />
            <DateField
              name="follow-up-date"
              value={draft.data.followUp?.dueDate ?? ''}
              onChange={(dueDate) =>
                dueDate && update({ followUp: { note: draft.data.followUp?.note ?? '', dueDate } })
              }
            />
          </FormField>
        </View>
      ) : null}

      <View className="card">
        <TextAreaField
          name="summary"
          label="情况说明（可不填）"
          maxLength={500}
          value={draft.data.summary ?? ''}
          error={errors.summary}
          onChange={(summary) => update({ summary })}
        />
        {draft.photosAllowed ? (
          <FormField
            name="photos"
            label={`照片（可选，最多 ${VISIT_PHOTO_LIMIT} 张）`}
            hint="照片随草稿保存，有网络时一起上传"
          >
            <View className="choice-chips">
              {draft.photos.map((photo) => (
                <View key={photo.slot}>
                  <Image
                    className="tg-photo"
                    id={`visit-photo-${photo.slot}`}
                    src={`data:image/jpeg;base64,${readPhoto(draft.clientId, photo.slot)}`}
                    mode="aspectFill"
                  />
                  <View className="filter-chip" id={`remove-photo-${photo.slot}`} onClick={() => dropPhoto(photo.slot)}>
                    删除
                  </View>
                </View>
              ))}
            </View>
            {draft.photos.length < VISIT_PHOTO_LIMIT ? (
              <Button fill="outline" id="take-visit-photo" onClick={() => void addPhoto()}>
                拍照
              </Button>
            ) : null}
          </FormField>
        ) : null}
      </View>

      <View className="tg-bottom-bar">
        <Button
          size="large"
          id="save-draft-button"
          onClick={() => {
            saveDraft({ ...draft, updatedAt: new Date().toISOString() });
            void Taro.showToast({ title: '草稿已保存', icon: 'success', duration: 1500 });
          }}
        >
          保存草稿
        </Button>
        <Button
          type="primary"
          size="large"
          id="submit-visit-button"
          loading={sending}
          disabled={sending}
          onClick={() => void submit()}
        >
          提交探访
        </Button>
      </View>
    </PageShell>
  );
}
