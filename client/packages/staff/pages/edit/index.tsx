import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { TActivityDetail } from '../../../../../shared/contracts/activities';
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_CATEGORY_KEYS,
  ACTIVITY_METHODS,
  ACTIVITY_METHOD_KEYS,
  ACTIVITY_STATUS_LABELS,
  MAX_CAPACITY,
} from '../../../../../shared/domain/activity';
import { PROMOTION_MODES, PROMOTION_MODE_KEYS } from '../../../../../shared/domain/booking';
import type { CloudError } from '../../../../lib/cloud';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { ErrorState, LoadingState } from '../../../../components/states';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, readParam, urlOf } from '../../../../lib/routes';
import {
  useCreateActivity,
  useEditableActivity,
  usePublishActivity,
  useUpdateActivity,
} from '../../api/use-activity-editor';
import { ChoiceChips, FormField } from '../../../../components/form-field';
import { DatetimeField } from '../../components/datetime-field';
import { ManageActions } from '../../components/manage-actions';
import {
  FIELD_LABELS,
  copyForm,
  emptyForm,
  formErrorsFrom,
  formFromDetail,
  isEditable,
  patchFrom,
  validateActivityForm,
  type ActivityField,
  type ActivityFormValues,
  type FormErrors,
} from '../../lib/activity-form';

/** Brings the first field with an error into view. */
function scrollToFirstError(errors: FormErrors): void {
  const first = (Object.keys(FIELD_LABELS) as ActivityField[]).find((field) => errors[field]);
  if (first) Taro.pageScrollTo({ selector: `#field-${first}`, duration: 200 }).catch(() => undefined);
}

const CATEGORY_OPTIONS = ACTIVITY_CATEGORY_KEYS.map((key) => ({ key, label: ACTIVITY_CATEGORIES[key] }));
const METHOD_OPTIONS = ACTIVITY_METHOD_KEYS.map((key) => ({ key, label: ACTIVITY_METHODS[key] }));
const PROMOTION_OPTIONS = PROMOTION_MODE_KEYS.map((key) => ({ key, label: PROMOTION_MODES[key] }));

function ActivityForm({
  stationId,
  activity,
  copyOf,
  onChanged,
}: {
  stationId?: string;
  activity?: TActivityDetail;
  /** 复制到新日期: a new draft starts from this activity's content and settings, without its dates. */
  copyOf?: TActivityDetail;
  onChanged: () => Promise<void>;
}) {
  const status = activity?.status ?? null;
  const [initial, setInitial] = useState<ActivityFormValues>(() =>
    activity ? formFromDetail(activity) : copyOf ? copyForm(copyOf) : emptyForm(),
  );
  const [values, setValues] = useState<ActivityFormValues>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [confirmingPublish, setConfirmingPublish] = useState(false);
  const keepServerFields = (error: CloudError) => {
    const fromServer = formErrorsFrom(error.fields);
    setErrors(fromServer);
    scrollToFirstError(fromServer);
    return false;
  };
  const create = useCreateActivity({ onError: keepServerFields });
  const update = useUpdateActivity({ onError: keepServerFields });
  const publish = usePublishActivity();
  const readOnly = status === 'finished' || status === 'cancelled';
  const dirty = (Object.keys(values) as ActivityField[]).some((field) => values[field] !== initial[field]);
  const pending = create.pending || update.pending || publish.pending;

  useEffect(() => {
    if (!activity) return;
    const fresh = formFromDetail(activity);
    setInitial(fresh);
    setValues(fresh);
  }, [activity]);

  const set = <F extends ActivityField>(field: F, value: ActivityFormValues[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const editable = (field: ActivityField) => !readOnly && isEditable(field, status);
  const lockedHint = (field: ActivityField) =>
    status === 'published' && !isEditable(field, status) ? '发布后不能修改' : undefined;

  /** Validates and saves; resolves with the activity id once everything is stored. */
  const save = async (): Promise<string | null> => {
    const checked = validateActivityForm(values, new Date());
    if (!checked.ok) {
      setErrors(checked.errors);
      scrollToFirstError(checked.errors);
      void Taro.showToast({ title: '请按红字提示修改后再保存', icon: 'none', duration: 3000 });
      return null;
    }
    setErrors({});
    if (!activity) {
      if (!stationId) return null;
      const result = await create.run(stationId, checked.input);
      return result.ok ? result.value.activityId : null;
    }
    const patch = patchFrom(initial, checked.input, activity.status);
    if (Object.keys(patch).length === 0) return activity.activityId;
    const result = await update.run(activity.activityId, patch);
    if (!result.ok) return null;
    const fresh = formFromDetail(result.value);
    setInitial(fresh);
    setValues(fresh);
    return result.value.activityId;
  };

  const onSave = async () => {
    if (activity && !dirty) {
      void Taro.showToast({ title: '没有需要保存的修改', icon: 'none', duration: 2000 });
      return;
    }
    const id = await save();
    if (!id) return;
    showSuccess(activity ? '已保存' : '草稿已保存');
    if (!activity) void Taro.redirectTo({ url: urlOf(ROUTES.staffEdit, { activityId: id }) });
  };

  const onPublish = async () => {
    const id = await save();
    if (!id) {
      setConfirmingPublish(false);
      return;
    }
    const result = await publish.run(id);
    setConfirmingPublish(false);
    if (result.ok) {
      showSuccess('已发布');
      void Taro.redirectTo({ url: urlOf(ROUTES.activityDetail, { activityId: id }) });
    }
  };

  const text = (field: 'title' | 'location' | 'contact', placeholder: string, maxLength: number) => (
    <View className="form-input">
      <Input
        id={`input-${field}`}
        value={values[field]}
        placeholder={placeholder}
        maxLength={maxLength}
        disabled={!editable(field)}
        onChange={(value) => set(field, value)}
      />
    </View>
  );

  const number = (
    field: 'capacity' | 'waitlistCapacity' | 'claimWindowHours' | 'checkInOpensMinutesBefore' | 'volunteerSlots',
    placeholder: string,
  ) => (
    <View className="form-input">
      <Input
        id={`input-${field}`}
        type="number"
        value={values[field]}
        placeholder={placeholder}
        disabled={!editable(field)}
        onChange={(value) => set(field, value)}
      />
    </View>
  );

  const datetime = (
    field: 'startAt' | 'endAt' | 'signUpOpensAt' | 'signUpClosesAt' | 'cancelDeadline',
    clearable = false,
  ) => (
    <DatetimeField
      name={field}
      value={values[field]}
      clearable={clearable}
      disabled={!editable(field)}
      onChange={(iso) => set(field, iso)}
    />
  );

  return (
    <View>
      {copyOf ? (
        <Text className="status-line status-line--ok" id="copied-from">
          已复制「{copyOf.title}」的内容和设置，请选择新的开始和结束时间
        </Text>
      ) : null}
      {activity ? (
        <Text className="status-line status-line--warn" id="activity-status">
          当前状态：{ACTIVITY_STATUS_LABELS[activity.status]}
          {readOnly ? '，不能再修改' : ''}
        </Text>
      ) : null}

      <View className="card">
        <FormField name="title" label={FIELD_LABELS.title} required error={errors.title}>
          {text('title', '例如：长者智能手机课堂', 40)}
        </FormField>
        <FormField
          name="category"
          label={FIELD_LABELS.category}
          required
          hint={lockedHint('category')}
          error={errors.category}
        >
          <ChoiceChips
            name="category"
            options={CATEGORY_OPTIONS}
            value={values.category}
            disabled={!editable('category')}
            onChange={(key) => set('category', key)}
          />
        </FormField>
        <FormField name="method" label={FIELD_LABELS.method} required hint={lockedHint('method')} error={errors.method}>
          <ChoiceChips
            name="method"
            options={METHOD_OPTIONS}
            value={values.method}
            disabled={!editable('method')}
            onChange={(key) => set('method', key)}
          />
        </FormField>
        <FormField name="location" label={FIELD_LABELS.location} required error={errors.location}>
          {text('location', '例如：街道社工站二楼活动室', 60)}
        </FormField>
        <FormField
          name="startAt"
          label={FIELD_LABELS.startAt}
          required
          hint={lockedHint('startAt')}
          error={errors.startAt}
        >
          {datetime('startAt')}
        </FormField>
        <FormField name="endAt" label={FIELD_LABELS.endAt} required hint={lockedHint('endAt')} error={errors.endAt}>
          {datetime('endAt')}
        </FormField>
        <FormField
          name="capacity"
          label={FIELD_LABELS.capacity}
          required
          hint={`填 0 表示暂不接受报名，最多 ${MAX_CAPACITY} 人`}
          error={errors.capacity}
        >
          {number('capacity', '例如：30')}
        </FormField>
        <FormField
          name="contact"
          label={FIELD_LABELS.contact}
          hint="选填，例如：王社工 13800138000"
          error={errors.contact}
        >
          {text('contact', '联系人和电话', 40)}
        </FormField>
        <FormField
          name="description"
          label={FIELD_LABELS.description}
          hint="选填，最多 2000 字"
          error={errors.description}
        >
          <View className="form-input">
            <TextArea
              id="input-description"
              value={values.description}
              placeholder="活动内容、适合人群、需要携带的物品等"
              maxLength={2000}
              autoSize
              disabled={!editable('description')}
              onChange={(value) => set('description', value)}
            />
          </View>
        </FormField>
      </View>

      <Text className="section-title">报名设置（选填）</Text>
      <View className="card">
        <FormField
          name="signUpOpensAt"
          label={FIELD_LABELS.signUpOpensAt}
          hint={lockedHint('signUpOpensAt') ?? '不填则发布后立即开始报名'}
          error={errors.signUpOpensAt}
        >
          {datetime('signUpOpensAt', true)}
        </FormField>
        <FormField
          name="signUpClosesAt"
          label={FIELD_LABELS.signUpClosesAt}
          hint="不填则截止到活动开始"
          error={errors.signUpClosesAt}
        >
          {datetime('signUpClosesAt', true)}
        </FormField>
        <FormField
          name="cancelDeadline"
          label={FIELD_LABELS.cancelDeadline}
          hint="不填则为活动开始前 2 小时"
          error={errors.cancelDeadline}
        >
          {datetime('cancelDeadline', true)}
        </FormField>
      </View>

      <Text className="section-title">候补与签到</Text>
      <View className="card" id="waitlist-settings">
        <FormField
          name="waitlistCapacity"
          label={FIELD_LABELS.waitlistCapacity}
          hint={lockedHint('waitlistCapacity') ?? '名额报满后还可以排队候补的人数；填 0 表示不设候补'}
          error={errors.waitlistCapacity}
        >
          {number('waitlistCapacity', '0 = 不设候补')}
        </FormField>
        <FormField
          name="promotionMode"
          label={FIELD_LABELS.promotionMode}
          hint={
            lockedHint('promotionMode') ??
            (values.promotionMode === 'claim'
              ? '有人取消时，通知第一位候补在时限内确认，过时顺延给下一位'
              : '有人取消时，第一位候补直接报名成功，并收到通知')
          }
          error={errors.promotionMode}
        >
          <ChoiceChips
            name="promotionMode"
            options={PROMOTION_OPTIONS}
            value={values.promotionMode}
            disabled={!editable('promotionMode')}
            onChange={(key) => set('promotionMode', key)}
          />
        </FormField>
        {values.promotionMode === 'claim' ? (
          <FormField
            name="claimWindowHours"
            label={FIELD_LABELS.claimWindowHours}
            hint={lockedHint('claimWindowHours') ?? '1 到 72 小时；最晚到活动开始'}
            error={errors.claimWindowHours}
          >
            {number('claimWindowHours', '例如：12')}
          </FormField>
        ) : null}
        <FormField
          name="checkInOpensMinutesBefore"
          label={FIELD_LABELS.checkInOpensMinutesBefore}
          hint={lockedHint('checkInOpensMinutesBefore') ?? '默认 30 分钟；填 0 表示活动开始时才能签到'}
          error={errors.checkInOpensMinutesBefore}
        >
          {number('checkInOpensMinutesBefore', '例如：30')}
        </FormField>
      </View>

      <Text className="section-title">志愿者</Text>
      <View className="card" id="volunteer-settings">
        <FormField
          name="volunteerSlots"
          label={FIELD_LABELS.volunteerSlots}
          hint={lockedHint('volunteerSlots') ?? '需要几位志愿者帮忙（与居民名额分开计）；填 0 表示不招募志愿者'}
          error={errors.volunteerSlots}
        >
          {number('volunteerSlots', '0 = 不招募志愿者')}
        </FormField>
      </View>

      {activity && activity.status !== 'draft' ? (
        <View>
          <Text className="section-title">活动现场</Text>
          <View className="card" id="manage-actions">
            <ManageActions activity={activity} showEdit={false} onChanged={() => void onChanged()} />
          </View>
        </View>
      ) : null}

      {readOnly ? null : (
        <View className="actions">
          <Button
            type="primary"
            fill={status === 'draft' ? 'outline' : 'solid'}
            id="save-activity-button"
            loading={create.pending || update.pending}
            disabled={pending}
            onClick={() => void onSave()}
          >
            {activity ? '保存修改' : '保存为草稿'}
          </Button>
          {status === 'draft' ? (
            <Button
              type="primary"
              id="publish-activity-button"
              disabled={pending}
              onClick={() => setConfirmingPublish(true)}
            >
              发布活动
            </Button>
          ) : null}
        </View>
      )}

      <ConfirmDialog
        visible={confirmingPublish}
        title="确认发布活动？"
        content={`发布后居民即可看到并报名，活动类别、形式和时间将不能再修改。${dirty ? '\n未保存的修改会先保存。' : ''}`}
        confirmText="确认发布"
        cancelText="再检查一下"
        pending={pending}
        confirmId="confirm-publish-button"
        cancelId="cancel-publish-button"
        onConfirm={() => void onPublish()}
        onCancel={() => setConfirmingPublish(false)}
      />
    </View>
  );
}

/** Staff: create a draft (`?stationId=`) or edit one (`?activityId=`), validated with `ZActivityInput`. */
export default function StaffEditPage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const stationId = readParam(params.stationId);
  const copyFrom = readParam(params.copyFrom);
  const activity = useEditableActivity(activityId);
  const source = useEditableActivity(activityId ? undefined : copyFrom);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: activityId ? '编辑活动' : copyFrom ? '复制活动' : '新建活动' });
  }, [activityId, copyFrom]);

  const waiting = activityId ? activity : copyFrom ? source : null;
  if (waiting && !waiting.data) {
    return (
      <PageShell>
        {waiting.error ? <ErrorState error={waiting.error} onRetry={() => void waiting.reload()} /> : <LoadingState />}
      </PageShell>
    );
  }
  return (
    <PageShell>
      <ActivityForm
        stationId={stationId ?? source.data?.stationId}
        activity={activity.data}
        copyOf={activityId ? undefined : source.data}
        onChanged={activity.reload}
      />
    </PageShell>
  );
}
