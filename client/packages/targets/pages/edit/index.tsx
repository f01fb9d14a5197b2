import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import '../../lib/zod-setup';
import { ZTargetInput, type TTargetInput } from '../../../../../shared/contracts/targets';
import { idNumberProblem } from '../../../../../shared/domain/identity';
import {
  CONSENT_BY,
  CONSENT_BY_KEYS,
  CONSENT_METHOD_KEYS,
  CONSENT_METHODS,
  consentDateProblem,
  GENDER_KEYS,
  GENDERS,
  NO_CONSENT_NOTICE,
  RISK_TIER_KEYS,
  RISK_TIERS,
  TARGET_CATEGORIES,
  TARGET_CATEGORY_KEYS,
  type ConsentBy,
  type ConsentMethod,
  type Gender,
  type ReadReason,
  type RiskTier,
  type TargetCategory,
} from '../../../../../shared/domain/targets';
import { fromAppWallClock, inAppZone } from '../../../../../shared/domain/time';
import { DateField } from '../../../../components/date-field';
import { PageShell } from '../../../../components/page-shell';
import { PendingState } from '../../../../components/states';
import { type CloudError } from '../../../../lib/cloud';
import { showSuccess } from '../../../../lib/feedback';
import { readParam } from '../../../../lib/routes';
import { takePhoto } from '../../../../lib/take-photo';
import {
  TARGETS_CHANGED,
  useCreateTarget,
  useTarget,
  useUpdateTarget,
  useUploadConsentPhoto,
  useWorkers,
} from '../../api/targets';
import { ChoiceChips, FormField, MultiChips, TextAreaField, TextField } from '../../components/fields';
import { newClientId } from '../../lib/drafts';
import '../../components/targets.scss';

type Errors = Partial<Record<string, string>>;
const options = <K extends string>(labels: Record<K, string>, keys: readonly K[]) =>
  keys.map((key) => ({ key, label: labels[key] }));

/** The form's own state: text as typed, choices as keys. */
interface Form {
  name: string;
  gender: Gender | '';
  birthYear: string;
  idNumber: string;
  phone1: string;
  phone2: string;
  area: string;
  building: string;
  room: string;
  hasGuardian: boolean;
  guardianName: string;
  guardianRelation: string;
  guardianPhone: string;
  categories: TargetCategory[];
  tier: RiskTier | '';
  tierReason: string;
  workerId: string;
  notes: string;
  consent: 'given' | 'none' | '';
  consentBy: ConsentBy | '';
  consentMethod: ConsentMethod | '';
  /** The day consent was given (`YYYY-MM-DD`, Beijing); today unless staff pick the day the form was signed. */
  consentDate: string;
  witness: string;
  photo: { fileId: string; url: string } | null;
}

const EMPTY: Form = {
  name: '',
  gender: '',
  birthYear: '',
  idNumber: '',
  phone1: '',
  phone2: '',
  area: '',
  building: '',
  room: '',
  hasGuardian: false,
  guardianName: '',
  guardianRelation: '',
  guardianPhone: '',
  categories: [],
  tier: '',
  tierReason: '',
  workerId: '',
  notes: '',
  consent: '',
  consentBy: '',
  consentMethod: '',
  consentDate: '',
  witness: '',
  photo: null,
};

/**
 * 登记 / 修改服务对象: validated on the phone with the very schema the function uses. Separate
 * consent is asked for explicitly; without it the form says what is not kept and leaves those
 * fields out. A duplicate (same ID number, or same name + birth year + address) is refused by the
 * server and explained; an edit from an outdated page is refused and the current version shown.
 */
export default function EditTargetPage() {
  const { params } = useRouter();
  const targetId = readParam(params.targetId);
  const askedStation = readParam(params.stationId);
  const existing = useTarget(targetId, readParam(params.reason) as ReadReason | undefined);
  const stationId = existing.data?.stationId ?? askedStation;
  const workers = useWorkers(stationId);
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [consentAt] = useState(() => new Date().toISOString());
  const today = inAppZone(consentAt).format('YYYY-MM-DD');
  const formId = useRef(newClientId());
  const create = useCreateTarget({ onError: onServerError });
  const update = useUpdateTarget({ onError: onServerError });
  const upload = useUploadConsentPhoto();

  function onServerError(error: CloudError): boolean {
    if (error.code === 'STALE_EDIT') {
      void Taro.showModal({
        title: '档案已被他人修改',
        content: '已为您显示最新内容，请核对后重新修改。',
        showCancel: false,
        confirmText: '知道了',
      }).then(() => existing.reload());
      return true;
    }
    if (error.fields) {
      const found: Errors = {};
      for (const [path, message] of Object.entries(error.fields)) found[path.replace(/^data\./, '')] = message;
      setErrors(found);
    }
    return false;
  }

  // Editing: fill the form from the current record (again after someone else changed it).
  const loaded = existing.data;
  useEffect(() => {
    if (!loaded) return;
    setForm({
      ...EMPTY,
      name: loaded.name,
      gender: loaded.gender,
      birthYear: String(loaded.birthYear),
      phone1: loaded.phones[0] ?? '',
      phone2: loaded.phones[1] ?? '',
      area: loaded.area,
      building: loaded.building,
      room: loaded.room,
      hasGuardian: loaded.guardian !== null,
      guardianName: loaded.guardian?.name ?? '',
      guardianRelation: loaded.guardian?.relation ?? '',
      guardianPhone: loaded.guardian?.phone ?? '',
      categories: loaded.categories,
      tier: loaded.tier,
      tierReason: loaded.tierReason,
      workerId: loaded.responsibleWorkerId ?? '',
      notes: loaded.notes,
      consent: loaded.consent.status,
      consentBy: loaded.consent.status === 'given' ? loaded.consent.by : '',
      consentMethod: loaded.consent.status === 'given' ? loaded.consent.method : '',
      consentDate: loaded.consent.status === 'given' ? inAppZone(loaded.consent.at).format('YYYY-MM-DD') : '',
      witness: loaded.consent.status === 'given' ? (loaded.consent.witness ?? '') : '',
    });
  }, [loaded]);

  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) => {
      setForm((f) => ({ ...f, [key]: value }));
      setErrors((e) => ({ ...e, [key]: undefined }));
    };

  if (targetId && !existing.data)
    return (
      <PageShell>
        <PendingState remote={existing} />
      </PageShell>
    );

  const takeConsentPhoto = async () => {
    if (!stationId) return;
    const picked = await takePhoto();
    if (!picked) return;
    const result = await upload.run(stationId, formId.current, picked.base64);
    if (result.ok) set('photo')({ fileId: result.value.fileId, url: result.value.url });
  };

  const submit = async () => {
    if (!stationId) return;
    const given = form.consent === 'given';
    const onFile = existing.data?.consent.status === 'given' ? existing.data.consent.formPhotoFileId : null;
    const photoId = form.photo?.fileId ?? onFile ?? undefined;
    const consentDay = form.consentDate || today;
    const storedAt = existing.data?.consent.status === 'given' ? existing.data.consent.at : null;
    // The day on file keeps its time; today is now; another day is that day's start (Beijing).
    const givenAt =
      storedAt && inAppZone(storedAt).format('YYYY-MM-DD') === consentDay
        ? storedAt
        : consentDay === today
          ? consentAt
          : fromAppWallClock(`${consentDay}T00:00:00`).toISOString();
    const data: TTargetInput = {
      name: form.name.trim(),
      gender: form.gender as Gender,
      birthYear: Number(form.birthYear),
      ...(given && form.idNumber.trim() ? { idNumber: form.idNumber.trim() } : {}),
      phones: [form.phone1.trim(), form.phone2.trim()].filter(Boolean),
      address: { area: form.area.trim(), building: form.building.trim(), room: form.room.trim() },
      guardian: form.hasGuardian
        ? { name: form.guardianName.trim(), relation: form.guardianRelation.trim(), phone: form.guardianPhone.trim() }
        : null,
      categories: form.categories,
      tier: form.tier as RiskTier,
      tierReason: form.tierReason.trim(),
      responsibleWorkerId: form.workerId || null,
      notes: given ? form.notes.trim() : '',
      consent: given
        ? {
            status: 'given',
            by: form.consentBy as ConsentBy,
            method: form.consentMethod as ConsentMethod,
            at: givenAt,
            ...(form.consentMethod === 'verbal_witnessed' ? { witness: form.witness.trim() } : {}),
            ...(form.consentMethod === 'signed_form' ? { ...(photoId ? { formPhotoFileId: photoId } : {}) } : {}),
          }
        : { status: 'none' },
    };
    const found: Errors = {};
    const parsed = ZTargetInput.safeParse(data);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        const key = path.startsWith('phones')
          ? 'phone1'
          : path.startsWith('guardian')
            ? 'guardian'
            : path.startsWith('address.')
              ? path.slice('address.'.length)
              : path === 'consent.at'
                ? 'consentDate'
                : path.startsWith('consent')
                  ? 'consent'
                  : path;
        found[key] ??= issue.message;
      }
    if (!form.gender) found.gender = '请选择性别';
    if (!form.tier) found.tier = '请选择风险等级';
    if (!form.consent) found.consent = '请说明是否取得本人（或监护人）单独同意';
    if (given && !form.consentBy) found.consent = '请选择由谁同意';
    if (given && !form.consentMethod) found.consent = '请选择同意方式';
    const dateProblem = given ? consentDateProblem(new Date(givenAt), new Date()) : null;
    if (dateProblem) found.consentDate = dateProblem;
    const idProblem = given && form.idNumber.trim() ? idNumberProblem(form.idNumber) : null;
    if (idProblem) found.idNumber = '身份证号不正确，请逐位核对';
    setErrors(found);
    if (Object.keys(found).length || !parsed.success) {
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      return;
    }
    const result = existing.data
      ? await update.run({ targetId: existing.data.targetId, rev: existing.data.rev, data: parsed.data })
      : await create.run({ stationId, data: parsed.data });
    if (result.ok) {
      showSuccess(existing.data ? '已保存' : '已登记');
      Taro.eventCenter.trigger(TARGETS_CHANGED);
      void Taro.navigateBack();
    }
  };

  const given = form.consent === 'given';
  return (
    <PageShell>
      <View className="card" id="target-form">
        <Text className="section-title">{existing.data ? `修改档案：${existing.data.name}` : '登记服务对象'}</Text>
        <TextField
          name="name"
          label="姓名"
          required
          value={form.name}
          error={errors.name}
          maxLength={20}
          onChange={set('name')}
        />
        <FormField name="gender" label="性别" required error={errors.gender}>
          <ChoiceChips
            name="gender"
            options={options(GENDERS, GENDER_KEYS)}
            value={form.gender}
            onChange={set('gender')}
          />
        </FormField>
        <TextField
          name="birthYear"
          label="出生年份"
          required
          type="number"
          maxLength={4}
          value={form.birthYear}
          error={errors.birthYear}
          onChange={set('birthYear')}
        />
        <TextField
          name="phone1"
          label="联系电话"
          value={form.phone1}
          error={errors.phone1}
          type="tel"
          maxLength={13}
          onChange={set('phone1')}
        />
        <TextField
          name="phone2"
          label="其他电话（可不填）"
          value={form.phone2}
          type="tel"
          maxLength={13}
          onChange={set('phone2')}
        />
        <TextField
          name="area"
          label="村/社区"
          required
          value={form.area}
          error={errors.area}
          maxLength={30}
          onChange={set('area')}
        />
        <TextField
          name="building"
          label="组/楼栋"
          required
          value={form.building}
          error={errors.building}
          maxLength={30}
          onChange={set('building')}
        />
        <TextField name="room" label="门牌号（可不填）" value={form.room} maxLength={20} onChange={set('room')} />
      </View>

      <View className="card">
        <FormField name="categories" label="对象类别（可多选）" required error={errors.categories}>
          <MultiChips
            name="target-category"
            options={options(TARGET_CATEGORIES, TARGET_CATEGORY_KEYS)}
            value={form.categories}
            onChange={set('categories')}
          />
        </FormField>
        <FormField name="tier" label="风险等级" required error={errors.tier}>
          <ChoiceChips
            name="tier"
            options={options(RISK_TIERS, RISK_TIER_KEYS)}
            value={form.tier}
            onChange={set('tier')}
          />
        </FormField>
        <TextField
          name="tierReason"
          label="评定理由"
          required
          value={form.tierReason}
          error={errors.tierReason}
          maxLength={100}
          onChange={set('tierReason')}
        />
        <FormField name="worker" label="责任社工" hint="不选则为登记人" error={errors.responsibleWorkerId}>
          <ChoiceChips
            name="worker"
            options={(workers.data?.workers ?? []).map((w) => ({ key: w.userId, label: w.name }))}
            value={form.workerId}
            onChange={set('workerId')}
          />
        </FormField>
        <View
          className={`filter-chip${form.hasGuardian ? ' filter-chip--active' : ''}`}
          id="guardian-toggle"
          onClick={() => set('hasGuardian')(!form.hasGuardian)}
        >
          {form.hasGuardian ? '✓ 填写监护人/赡养人' : '填写监护人/赡养人'}
        </View>
        {form.hasGuardian ? (
          <View>
            <TextField
              name="guardianName"
              label="联系人姓名"
              value={form.guardianName}
              maxLength={20}
              onChange={set('guardianName')}
            />
            <TextField
              name="guardianRelation"
              label="关系"
              value={form.guardianRelation}
              maxLength={10}
              onChange={set('guardianRelation')}
            />
            <TextField
              name="guardianPhone"
              label="联系人电话"
              type="tel"
              value={form.guardianPhone}
              maxLength={13}
              onChange={set('guardianPhone')}
            />
            {errors.guardian ? <Text className="form-field__error">！{errors.guardian}</Text> : null}
          </View>
        ) : null}
      </View>

      <View className="card" id="consent-section">
        <FormField
          name="consent"
          label="个人信息单独同意"
          required
          error={errors.consent}
          hint="类别、健康等属于敏感个人信息，需本人（或监护人）单独同意"
        >
          <ChoiceChips
            name="consent"
            options={[
              { key: 'given', label: '已取得同意' },
              { key: 'none', label: '未取得同意' },
            ]}
            value={form.consent}
            onChange={set('consent')}
          />
        </FormField>
        {form.consent === 'none' ? (
          <Text className="tg-notice" id="no-consent-notice">
            {NO_CONSENT_NOTICE}
          </Text>
        ) : null}
        {given ? (
          <View>
            <FormField name="consentBy" label="由谁同意">
              <ChoiceChips
                name="consent-by"
                options={options(CONSENT_BY, CONSENT_BY_KEYS)}
                value={form.consentBy}
                onChange={set('consentBy')}
              />
            </FormField>
            <FormField name="consentMethod" label="同意方式">
              <ChoiceChips
                name="consent-method"
                options={options(CONSENT_METHODS, CONSENT_METHOD_KEYS)}
                value={form.consentMethod}
                onChange={set('consentMethod')}
              />
            </FormField>
            <FormField
              name="consentDate"
              label="同意日期"
              error={errors.consentDate ?? errors['consent.at']}
              hint="补登以前签的同意书时，请选签字那天"
            >
              <DateField name="consent-date" value={form.consentDate || today} onChange={set('consentDate')} />
            </FormField>
            {form.consentMethod === 'verbal_witnessed' ? (
              <TextField name="witness" label="见证人" value={form.witness} maxLength={20} onChange={set('witness')} />
            ) : null}
            {form.consentMethod === 'signed_form' ? (
              <View>
                {form.photo ? (
                  <Image className="tg-photo" id="consent-photo-preview" src={form.photo.url} mode="aspectFit" />
                ) : null}
                <Button
                  fill="outline"
                  id="take-consent-photo"
                  loading={upload.pending}
                  onClick={() => void takeConsentPhoto()}
                >
                  {form.photo || (existing.data?.consent.status === 'given' && existing.data.consent.formPhotoFileId)
                    ? '重拍同意书'
                    : '拍下签字的同意书'}
                </Button>
              </View>
            ) : null}
            <TextField
              name="idNumber"
              label="身份证号（可不填）"
              type="idcard"
              maxLength={18}
              hint={
                existing.data?.idMasked
                  ? `已登记：${existing.data.idMasked}，不修改请留空`
                  : '只保存加密摘要和遮挡后的号码'
              }
              value={form.idNumber}
              error={errors.idNumber}
              onChange={set('idNumber')}
            />
            <TextAreaField
              name="notes"
              label="备注（可不填）"
              maxLength={500}
              value={form.notes}
              error={errors.notes}
              onChange={set('notes')}
            />
          </View>
        ) : null}
      </View>

      <View className="tg-bottom-bar">
        <Button
          type="primary"
          size="large"
          id="save-target-button"
          loading={create.pending || update.pending}
          onClick={() => void submit()}
        >
          {existing.data ? '保存修改' : '登记'}
        </Button>
      </View>
    </PageShell>
  );
}
