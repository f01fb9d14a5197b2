import { Button, Switch } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import '../../lib/zod-setup';
import {
  type TVolunteerProfile,
  VOLUNTEER_SKILLS,
  ZRegisterRequest,
} from '../../../../../shared/contracts/volunteering';
import { ACTIVITY_CATEGORIES, type ActivityCategory } from '../../../../../shared/domain/activity';
import { idNumberProblem } from '../../../../../shared/domain/identity';
import { PageShell } from '../../../../components/page-shell';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage } from '../../../../lib/routes';
import { useDisputeIdNumber, useMyIdDispute, useRegister } from '../../api/volunteering';
import { Chips, StationPicker, TextField } from '../../components/fields';
import { IdDisputeOffer } from '../../components/id-dispute-offer';
import '../../components/volunteer.scss';

const ID_PROBLEMS = {
  format: '请输入18位身份证号（最后一位可以是X）',
  birthdate: '身份证号中的出生日期不正确，请核对',
  checksum: '身份证号校验位不对，可能有一位输错了，请逐位核对',
} as const;

const CATEGORY_OPTIONS = (Object.keys(ACTIVITY_CATEGORIES) as ActivityCategory[]).map((key) => ({
  key,
  label: ACTIVITY_CATEGORIES[key],
}));
const SKILL_OPTIONS = VOLUNTEER_SKILLS.map((skill) => ({ key: skill as string, label: skill as string }));

type Errors = Partial<Record<string, string>>;

/** Each problem's field on the page, top to bottom: submitting scrolls to the first one. */
const FIELD_ANCHORS: [key: string, anchor: string][] = [
  ['realName', 'field-input-realName'],
  ['idNumber', 'field-input-idNumber'],
  ['phone', 'field-input-phone'],
  ['skills', 'field-input-otherSkill'],
  ['emergencyContact.name', 'field-input-contactName'],
  ['emergencyContact.phone', 'field-input-contactPhone'],
  ['homeStationId', 'field-homeStationId'],
];

/** Brings the first field with a problem into view, so a mistake far up the form is not missed. */
function scrollToFirstProblem(errors: Errors): void {
  const first = FIELD_ANCHORS.find(([key]) => errors[key]);
  if (first) Taro.pageScrollTo({ selector: `#${first[1]}`, duration: 200 }).catch(() => undefined);
}

/** Real-name volunteer registration, validated with the very schema the cloud function uses. */
export default function VolunteerRegisterPage() {
  const [realName, setRealName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [skills, setSkills] = useState<string[]>([]);
  const [otherSkill, setOtherSkill] = useState('');
  const [areas, setAreas] = useState<ActivityCategory[]>([]);
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [stationId, setStationId] = useState<string | undefined>();
  const [optIn, setOptIn] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<TVolunteerProfile | null>(null);
  // ALREADY_REGISTERED for a new volunteer means someone else holds the number: offer a dispute.
  const [squatted, setSquatted] = useState(false);
  const register = useRegister({
    onError: (error) => {
      if (error.code !== 'ALREADY_REGISTERED') return false;
      setSquatted(true);
      return true;
    },
  });
  const myDispute = useMyIdDispute();
  const dispute = useDisputeIdNumber();
  const raiseDispute = async () => {
    if (!stationId) {
      setErrors((e) => ({ ...e, homeStationId: '请选择您方便前往核实的社工站' }));
      return;
    }
    const answer = await dispute.run({
      realName: realName.trim(),
      idNumber: idNumber.trim(),
      phone: phone.trim(),
      stationId,
    });
    if (answer.ok) {
      showSuccess('已提交核实申请');
      await myDispute.reload();
    }
  };
  // The phone the person already gave in 我的 is filled in (they can change it).
  const me = useMe();
  const phoneTouched = useRef(false);
  const profilePhone = me.data?.phone;
  useEffect(() => {
    if (profilePhone && !phoneTouched.current) setPhone(profilePhone);
  }, [profilePhone]);

  // A field's problem goes away as soon as the person changes that field.
  const edit = (key: string, set: (value: string) => void) => (value: string) => {
    set(value);
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const toggle = <K extends string>(list: K[], key: K): K[] =>
    list.includes(key) ? list.filter((k) => k !== key) : [...list, key];

  const submit = async () => {
    const extra = otherSkill
      .split(/[，,、\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const candidate = {
      data: {
        realName: realName.trim(),
        idNumber: idNumber.trim(),
        phone: phone.trim(),
        skills: [...skills, ...extra.filter((s) => !skills.includes(s))],
        serviceAreas: areas,
        emergencyContact: { name: contactName.trim(), phone: contactPhone.trim() },
        homeStationId: stationId ?? '',
        leaderboardOptIn: optIn,
      },
    };
    const found: Errors = {};
    const parsed = ZRegisterRequest.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.slice(1).join('.');
        const key = path.startsWith('skills') ? 'skills' : path;
        if (!found[key]) found[key] = issue.message;
      }
    }
    const idProblem = idNumberProblem(idNumber);
    if (idProblem) found.idNumber = ID_PROBLEMS[idProblem];
    if (!stationId) found.homeStationId = '请选择您常去的社工站';
    setErrors(found);
    if (Object.keys(found).length || !parsed.success) {
      scrollToFirstProblem(found);
      return;
    }
    const answer = await register.run(parsed.data.data);
    if (answer.ok) {
      showSuccess('登记成功');
      setDone(answer.value);
    }
  };

  if (done) {
    return (
      <PageShell>
        <View className="card" id="register-done">
          <Text className="vol-title">✓ 志愿者登记成功</Text>
          <Text className="vol-label">您的志愿者编号</Text>
          <Text className="vol-big" id="volunteer-no">
            {done.volunteerNo}
          </Text>
          <Text className="hint">{`${done.realName}，身份证号 ${done.idMasked}（已遮挡）`}</Text>
          <View className="actions">
            <Button
              type="primary"
              size="large"
              block
              id="open-volunteer-profile-button"
              onClick={() => openPage(ROUTES.volunteerProfile)}
            >
              进入我的志愿服务
            </Button>
          </View>
        </View>
      </PageShell>
    );
  }

  const idProblem = idNumber.trim().length >= 18 ? idNumberProblem(idNumber) : null;
  return (
    <PageShell>
      {myDispute.data ? <IdDisputeOffer dispute={myDispute.data} pending={false} onRaise={() => undefined} /> : null}
      <View className="card">
        <Text className="vol-title">志愿者实名登记</Text>
        <Text className="hint" id="privacy-note">
          身份证号仅用于核验身份，不会以明文保存
        </Text>
        <TextField
          id="input-realName"
          label="真实姓名"
          value={realName}
          onChange={edit('realName', setRealName)}
          error={errors.realName}
          placeholder="与身份证上的姓名一致"
          maxLength={20}
        />
        <TextField
          id="input-idNumber"
          label="身份证号"
          type="idcard"
          value={idNumber}
          placeholder="18位，最后一位可能是X"
          maxLength={18}
          onChange={(value) => {
            setIdNumber(value);
            setErrors((e) => ({ ...e, idNumber: undefined }));
          }}
          error={errors.idNumber ?? (idProblem ? ID_PROBLEMS[idProblem] : null)}
        />
        <TextField
          id="input-phone"
          label="手机号"
          type="tel"
          value={phone}
          onChange={(value) => {
            phoneTouched.current = true;
            edit('phone', setPhone)(value);
          }}
          error={errors.phone}
          placeholder="11位手机号"
          maxLength={11}
        />
      </View>

      <View className="card">
        <Text className="vol-label">我能提供的服务（可多选）</Text>
        <Chips
          idPrefix="skill"
          options={SKILL_OPTIONS}
          chosen={skills}
          onToggle={(key) => setSkills((s) => toggle(s, key))}
        />
        <TextField
          id="input-otherSkill"
          label="其他技能（可不填，用逗号分开）"
          value={otherSkill}
          onChange={edit('skills', setOtherSkill)}
          error={errors.skills}
          placeholder="例如：书法、编程（可不填）"
        />
        <Text className="vol-label">愿意参加的服务领域（可多选）</Text>
        <Chips
          idPrefix="area"
          options={CATEGORY_OPTIONS}
          chosen={areas}
          onToggle={(key) => setAreas((a) => toggle(a, key))}
        />
      </View>

      <View className="card">
        <TextField
          id="input-contactName"
          label="紧急联系人姓名"
          value={contactName}
          onChange={edit('emergencyContact.name', setContactName)}
          error={errors['emergencyContact.name']}
          placeholder="家人或朋友的姓名"
          maxLength={20}
        />
        <TextField
          id="input-contactPhone"
          label="紧急联系人电话"
          type="tel"
          value={contactPhone}
          onChange={edit('emergencyContact.phone', setContactPhone)}
          error={errors['emergencyContact.phone']}
          placeholder="11位手机号"
          maxLength={11}
        />
      </View>

      <View className="card" id="field-homeStationId">
        <Text className="vol-label">常去的社工站（服务站点）</Text>
        <StationPicker
          value={stationId}
          onChange={(id) => {
            setStationId(id);
            setErrors((e) => ({ ...e, homeStationId: undefined }));
          }}
        />
        {errors.homeStationId ? (
          <Text className="vol-error" id="input-homeStationId-error">
            ！{errors.homeStationId}
          </Text>
        ) : null}
      </View>

      <View className="card">
        <View className="vol-entry" id="leaderboard-opt-in" onClick={() => setOptIn(!optIn)}>
          <Text>参加服务时长排行榜</Text>
          <View onClick={(event) => event.stopPropagation()}>
            <Text id="leaderboard-opt-in-state">{optIn ? '已参加 ' : '不参加 '}</Text>
            <Switch id="leaderboard-opt-in-switch" checked={optIn} onChange={setOptIn} />
          </View>
        </View>
        <Text className="hint">
          参加后，您的姓氏（如“李**”）和服务时长会出现在本站排行榜上，别人看不到您的全名、电话和身份证号。随时可以不参加。
        </Text>
      </View>

      {squatted && !myDispute.data ? (
        <IdDisputeOffer
          dispute={null}

          pending={dispute.pending}
          onRaise={() => void raiseDispute()}
        />
      ) : null}

      <View className="actions">
        <Button
          type="primary"
          size="large"
          block
          id="register-submit-button"
          loading={register.pending}
          disabled={register.pending}
          onClick={() => void submit()}
        >
          提交登记
        </Button>
      </View>
    </PageShell>
  );
}
