import { Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { BENEFICIARY_GROUPS, formatFen, isValueSetByDonor } from '../../../../shared/domain/donation';
import { fenToYuanText } from '../lib/format';
import {
  type CheckedAction,
  checkStaffAction,
  leftToDistribute,
  STAFF_ACTION_TEXT,
  type StaffMode,
  type StaffPledge,
  startingQuantity,
} from '../lib/staff-rules';
import { ArrivalPhotoField, type UploadedPhoto } from './arrival-photo';
import { ChoiceChips, FormField } from './fields';
import { FormDialog } from './form-dialog';
import './donation.scss';

/** The dialog of one staff action on one pledge (null: closed). */
export interface ActiveAction {
  mode: StaffMode;
  pledge: StaffPledge;
}

/**
 * 确认接收 (quantity, the value of a donor-valued pledge, photo, note), 登记发放 (quantity,
 * beneficiary group, optional activity, note), 感谢捐赠人 (the note) or 作废 (the reason, told to
 * the donor). Checks the form with `checkStaffAction` before sending; `onSubmit`
 * answers whether it went through (the dialog closes then).
 */
export function StaffActionDialog(props: {
  active: ActiveAction | null;
  activities: readonly { activityId: string; title: string }[];
  pending: boolean;
  onSubmit: (action: Extract<CheckedAction, { ok: true }>) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { active } = props;
  const [quantity, setQuantity] = useState('');
  const [unitYuan, setUnitYuan] = useState('');
  const [note, setNote] = useState('');
  const [group, setGroup] = useState('');
  const [activityId, setActivityId] = useState('');
  const [photo, setPhoto] = useState<UploadedPhoto | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Every opening starts afresh, with the quantity that usually applies.
  useEffect(() => {
    if (!active) return;
    setQuantity(startingQuantity(active.mode, active.pledge));
    setUnitYuan(fenToYuanText(active.pledge.unitValueFen));
    setNote('');
    setGroup('');
    setActivityId('');
    setPhoto(null);
    setProblem(null);
  }, [active]);

  const submit = async () => {
    if (!active) return;
    const checked = checkStaffAction(active.mode, active.pledge, {
      quantity,
      unitYuan,
      note,
      beneficiaryGroup: group,
      activityId,
      photoFileId: photo?.fileId ?? null,
    });
    if (!checked.ok) return setProblem(checked.problem);
    await props.onSubmit(checked);
  };

  const mode = active?.mode ?? 'receive';
  const text = STAFF_ACTION_TEXT[mode];
  return (
    <FormDialog
      visible={active !== null}
      title={text.title}
      confirmText={text.confirm}
      danger={mode === 'void'}
      confirmId="submit-staff-action-button"
      cancelId="cancel-staff-action-button"
      pending={props.pending}
      problem={problem}
      onConfirm={() => void submit()}
      onCancel={props.onCancel}
    >
      {active?.mode === 'void' ? (
        <Text className="confirm-dialog__content">
          作废后这份认捐不再占用需求数量，捐赠人会在“消息”中收到通知和原因。
        </Text>
      ) : null}
      {active && (active.mode === 'receive' || active.mode === 'distribute') ? (
        <FormField
          name="staff-quantity"
          label={`${active.mode === 'receive' ? '实际接收数量' : '发放数量'}（${active.pledge.unit}）`}
          hint={
            active.mode === 'receive'
              ? `认捐 ${active.pledge.quantity} ${active.pledge.unit}，实际到达多少填多少`
              : `可发放 ${leftToDistribute(active.pledge)} ${active.pledge.unit}`
          }
        >
          <View className="form-input">
            <Input
              id="staff-quantity-input"
              type="number"
              value={quantity}
              onChange={(v) => {
                setQuantity(v);
                setProblem(null);
              }}
            />
          </View>
        </FormField>
      ) : null}
      {active?.mode === 'receive' && isValueSetByDonor(active.pledge) ? (
        <FormField
          name="staff-unit-value"
          label={`每${active.pledge.unit}价值（元）`}
          hint={`捐赠人填写 ${formatFen(active.pledge.unitValueFen)}，请按实物核对，计入月报和公示账本`}
        >
          <View className="form-input">
            <Input
              id="staff-unit-value-input"
              type="digit"
              value={unitYuan}
              onChange={(v) => {
                setUnitYuan(v);
                setProblem(null);
              }}
            />
          </View>
        </FormField>
      ) : null}
      {active?.mode === 'distribute' ? (
        <FormField name="staff-group" label="受益群体">
          <ChoiceChips
            name="group"
            options={BENEFICIARY_GROUPS.map((g) => ({ key: g as string, label: g as string }))}
            value={group}
            onChange={(g) => {
              setGroup(g);
              setProblem(null);
            }}
          />
        </FormField>
      ) : null}
      {active?.mode === 'distribute' && props.activities.length ? (
        <FormField name="staff-activity" label="关联活动（可不选）">
          <ChoiceChips
            name="activity"
            options={[
              { key: 'none', label: '不关联活动' },
              ...props.activities.map((a) => ({ key: a.activityId, label: a.title })),
            ]}
            value={activityId || 'none'}
            onChange={(key) => setActivityId(key === 'none' ? '' : key)}
          />
        </FormField>
      ) : null}
      {active?.mode === 'receive' ? (
        <ArrivalPhotoField pledgeId={active.pledge.pledgeId} value={photo} onChange={setPhoto} />
      ) : null}
      <FormField name="staff-note" label={text.note}>
        <View className="form-input">
          <Input
            id="staff-note-input"
            value={note}
            maxLength={200}
            onChange={(v) => {
              setNote(v);
              setProblem(null);
            }}
          />
        </View>
      </FormField>
    </FormDialog>
  );
}
