import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Image, Picker, Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import type { TCertificate } from '../../../../../shared/contracts/volunteering';
import { inAppZone } from '../../../../../shared/domain/time';
import { NoticeDialog } from '../../../../components/notice-dialog';
import { PageShell } from '../../../../components/page-shell';
import { showSuccess } from '../../../../lib/feedback';
import { qrDataUrl } from '../../../../lib/qr';
import { ROUTES, openPage } from '../../../../lib/routes';
import { useIssueCertificate, useVolunteerProfile } from '../../api/volunteering';
import { StationPicker } from '../../components/fields';
import { SaveCertificate } from '../../components/save-certificate';
import '../../components/volunteer.scss';
import { KIND_LABELS, beijingDay, hoursText } from '../../lib/text';
import { verifyLink } from '../../lib/verify-link';
import './index.scss';

/** A label and its value, each on a line of its own: never run together, never squeezed. */
function Field({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="certificate__field">
      <Text className="certificate__label">{label}</Text>
      <Text className="certificate__value" id={id}>
        {value}
      </Text>
    </View>
  );
}

/** The 志愿服务记录证明 laid out like the paper document. */
function Certificate({ certificate }: { certificate: TCertificate }) {
  const link = verifyLink(certificate.serial, certificate.verificationCode);
  const qr = useMemo(() => qrDataUrl(link, 4), [link]);
  return (
    <View>
      <View className="certificate" id="certificate">
        <Text className="certificate__title">志愿服务记录证明</Text>
        <Field label="证明编号" value={certificate.serial} id="certificate-serial" />
        <Field label="姓名" value={certificate.volunteerName} id="certificate-name" />
        <Field label="志愿者编号" value={certificate.volunteerNo} />
        <Field label="证件类型" value={certificate.idType} />
        <Field label="证件号码" value={certificate.idMasked} />
        <Field label="服务期间" value={`${certificate.from} 至 ${certificate.to}`} />
        <Text className="certificate__label">服务记录（共 {certificate.entries.length} 项）</Text>
        <View className="certificate__entries" id="certificate-entries">
          {certificate.entries.map((entry, index) => (
            <View
              className="certificate__entry"
              key={`${entry.serviceDate}-${index}`}
              id={`certificate-entry-${index}`}
            >
              <View className="certificate__entry-head">
                <Text className="certificate__nowrap" id={`certificate-entry-${index}-date`}>
                  {inAppZone(entry.serviceDate).format('YYYY-MM-DD')}
                </Text>
                <Text className="certificate__nowrap text-strong" id={`certificate-entry-${index}-minutes`}>
                  {`${entry.minutes} 分钟`}
                </Text>
              </View>
              <Text className="certificate__entry-item" id={`certificate-entry-${index}-item`}>
                {`服务项目：${entry.activityTitle}`}
              </Text>
              <Text className="certificate__entry-kind">{`记录方式：${KIND_LABELS[entry.kind]}`}</Text>
            </View>
          ))}
        </View>
        <Field label="累计服务时长" value={hoursText(certificate.totalMinutes)} id="certificate-total" />
        <Field label="出具单位" value={certificate.issuerName} id="certificate-issuer" />
        <Field label="经办人" value={certificate.handlerName} id="certificate-handler" />
        <Field label="联系电话" value={certificate.issuerPhone} />
        <Field label="出具日期" value={inAppZone(certificate.issuedAt).format('YYYY-MM-DD')} />
        <View className="certificate__foot">
          <View>
            <Text className="vol-label">校验码</Text>
            <Text className="vol-big" id="certificate-code">
              {certificate.verificationCode}
            </Text>
            <Text className="hint">扫右侧二维码，或在“证明核验”页输入编号和校验码，可核验真伪。</Text>
          </View>
          <Image id="certificate-qr" className="certificate__qr" src={qr} mode="aspectFit" />
        </View>
      </View>
      <View className="actions no-print">
        <SaveCertificate certificate={certificate} qr={qr} />
        <Button
          fill="outline"
          size="large"
          block
          id="open-verify-button"
          onClick={() =>
            openPage(ROUTES.volunteerVerify, { serial: certificate.serial, code: certificate.verificationCode })
          }
        >
          核验这份证明
        </Button>
      </View>
    </View>
  );
}

/** 服务证明: choose the station and the dates, then the certificate itself. */
export default function VolunteerCertificatePage() {
  const profile = useVolunteerProfile();
  const [stationId, setStationId] = useState<string | undefined>();
  const [from, setFrom] = useState(beijingDay(-365));
  const [to, setTo] = useState(beijingDay(0));
  const [certificate, setCertificate] = useState<TCertificate | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // A refusal (no hours in the range, dates the wrong way round) is said in the app's own dialog.
  const issue = useIssueCertificate({
    onError: (error) => {
      if (error.code === 'UNAUTHENTICATED') return false;
      setRefusal(error.userMessage);
      return true;
    },
  });
  const home = profile.data?.homeStationId;
  useEffect(() => {
    if (home) setStationId((current) => current ?? home);
  }, [home]);

  if (certificate) {
    return (
      <PageShell>
        <Certificate certificate={certificate} />
        <View className="actions no-print">
          <Button fill="outline" size="large" block id="new-certificate-button" onClick={() => setCertificate(null)}>
            重新选择时间或站点
          </Button>
        </View>
      </PageShell>
    );
  }

  const submit = async () => {
    if (!stationId) return;
    const answer = await issue.run({ stationId, from, to });
    if (answer.ok) {
      showSuccess('证明已开具');
      setCertificate(answer.value);
    }
  };

  return (
    <PageShell>
      <View className="card" id="certificate-form">
        <Text className="vol-title">开具志愿服务记录证明</Text>
        <Text className="hint">由组织服务的站点出具，列出所选时间内在该站点的全部服务时长。</Text>
        <Text className="vol-label">出具站点</Text>
        <StationPicker value={stationId} onChange={(id) => setStationId(id)} />
        <Text className="vol-label">服务时间范围</Text>
        <View className="vol-chips">
          <Picker mode="date" value={from} end={to} onChange={(e) => setFrom(String(e.detail.value))}>
            <View className="vol-chip" id="certificate-from">
              <Text>从 {from}</Text>
            </View>
          </Picker>
          <Picker
            mode="date"
            value={to}
            start={from}
            end={beijingDay(0)}
            onChange={(e) => setTo(String(e.detail.value))}
          >
            <View className="vol-chip" id="certificate-to">
              <Text>到 {to}</Text>
            </View>
          </Picker>
        </View>
        <View className="actions">
          <Button
            type="primary"
            size="large"
            block
            id="issue-certificate-button"
            loading={issue.pending}
            disabled={issue.pending || !stationId}
            onClick={() => void submit()}
          >
            开具证明
          </Button>
        </View>
      </View>
      <NoticeDialog
        visible={refusal !== null}
        title="暂时不能开具证明"
        content={`${refusal ?? ''}\n可以换一个时间范围或站点再试。`}
        okId="close-refusal-button"
        onClose={() => setRefusal(null)}
      />
    </PageShell>
  );
}
