import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import '../lib/zod-setup';
import { ZReceiptNo, type TCharity, type TPledge } from '../../../../shared/contracts/donations';
import { showSuccess } from '../../../lib/feedback';
import { useRecordCharityReceipt } from '../api/donations';
import { OPEN_LINK_LABEL, openProjectLink } from '../lib/open-link';
import { NoMoneyNotice } from './fields';
import './donation.scss';

/** Where and how to give money: the registered charity's own project page, never this app. */
export function CharityCard({ charity }: { charity: TCharity }) {
  return (
    <View className="card" id="charity-card">
      <Text className="section-title">如何捐赠（经慈善组织）</Text>
      <View className="meta-row">
        <Text className="meta-label">慈善组织</Text>
        <Text className="meta-value" id="charity-name">
          {charity.name}
        </Text>
      </View>
      <View className="meta-row">
        <Text className="meta-label">登记证号</Text>
        <Text className="meta-value">{charity.registrationNo}</Text>
      </View>
      <View className="meta-row">
        <Text className="meta-label">募捐项目</Text>
        <Text className="meta-value">{charity.projectName}</Text>
      </View>
      <Text className="row-block" id="charity-how-to-give">
        {charity.howToGive}
      </Text>
      <NoMoneyNotice />
      <View className="actions">
        <Button
          type="primary"
          fill="outline"
          id="open-charity-link-button"
          onClick={() => openProjectLink(charity.projectUrl)}
        >
          {OPEN_LINK_LABEL}
        </Button>
      </View>
    </View>
  );
}

/** The donor adds the charity's 电子捐赠票据号 as evidence on a pledge. */
export function CharityReceiptForm({ pledgeId, onDone }: { pledgeId: string; onDone: (pledge: TPledge) => void }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useRecordCharityReceipt();
  const submit = async () => {
    const parsed = ZReceiptNo.safeParse(value);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请填写票据号');
      return;
    }
    const result = await add.run(pledgeId, parsed.data);
    if (result.ok) {
      showSuccess('票据号已保存');
      onDone(result.value);
    }
  };
  return (
    <View className="form-field" id={`charity-receipt-form-${pledgeId}`}>
      <Text className="form-field__label">电子捐赠票据号</Text>
      <View className={`form-input${problem ? ' form-input--error' : ''}`}>
        <Input
          id={`charity-receipt-input-${pledgeId}`}
          value={value}
          placeholder="票据代码-票据号码，如 33010120-0000012345"
          maxLength={40}
          onChange={(v) => {
            setValue(v);
            setProblem(null);
          }}
        />
      </View>
      <Text className="form-field__hint">在慈善组织完成捐赠后，填写对方开具的票据号，方便您和站点核对。</Text>
      {problem ? <Text className="form-field__error">！{problem}</Text> : null}
      <View className="actions">
        <Button
          type="primary"
          id={`record-charity-receipt-${pledgeId}`}
          loading={add.pending}
          disabled={add.pending}
          onClick={() => void submit()}
        >
          保存票据号
        </Button>
      </View>
    </View>
  );
}
