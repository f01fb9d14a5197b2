import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TCertificate } from '../../../../shared/contracts/volunteering';
import { inAppZone } from '../../../../shared/domain/time';
import { showSuccess } from '../../../lib/feedback';
import { KIND_LABELS, hoursText } from '../lib/text';

const WIDTH = 750;
const ROW = 44;

interface Canvas2d {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D;
  createImage(): { src: string; onload: () => void; onerror: () => void };
}

function heightOf(certificate: TCertificate): number {
  return 900 + certificate.entries.length * ROW;
}

/** Draws the certificate as a plain document (black on white) and the QR code at the foot. */
async function draw(canvas: Canvas2d, certificate: TCertificate, qr: string): Promise<void> {
  const height = heightOf(certificate);
  canvas.width = WIDTH;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = '#1f1f1f';
  ctx.textBaseline = 'top';
  ctx.font = 'bold 40px sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText('志愿服务记录证明', WIDTH / 2, 40);
  ctx.textAlign = 'left';
  ctx.font = '26px sans-serif';
  let y = 110;
  const line = (text: string) => {
    ctx.fillText(text, 40, y);
    y += ROW;
  };
  line(`证明编号：${certificate.serial}`);
  line(`姓名：${certificate.volunteerName}`);
  line(`志愿者编号：${certificate.volunteerNo}`);
  line(`证件类型：${certificate.idType}`);
  line(`证件号码：${certificate.idMasked}`);
  line(`服务期间：${certificate.from} 至 ${certificate.to}`);
  line(`累计服务时长：${hoursText(certificate.totalMinutes)}`);
  y += 10;
  ctx.font = 'bold 24px sans-serif';
  // Column heads sit above columns wide enough for what they hold: dates and minutes never wrap.
  ctx.fillText('日期', 40, y);
  ctx.fillText('服务项目', 210, y);
  ctx.fillText('时长', 520, y);
  ctx.fillText('记录方式', 620, y);
  y += ROW;
  ctx.font = '24px sans-serif';
  for (const entry of certificate.entries) {
    ctx.fillText(inAppZone(entry.serviceDate).format('YYYY-MM-DD'), 40, y);
    ctx.fillText(entry.activityTitle.slice(0, 12), 210, y);
    ctx.fillText(`${entry.minutes}分钟`, 520, y);
    ctx.fillText(KIND_LABELS[entry.kind], 620, y);
    y += ROW;
  }
  y += 10;
  ctx.font = '26px sans-serif';
  line(`出具单位：${certificate.issuerName}`);
  line(`经办人：${certificate.handlerName}`);
  line(`联系电话：${certificate.issuerPhone}`);
  line(`出具日期：${inAppZone(certificate.issuedAt).format('YYYY-MM-DD')}`);
  line(`校验码：${certificate.verificationCode}`);
  const image = canvas.createImage();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('qr image'));
    image.src = qr;
  });
  ctx.drawImage(image as unknown as CanvasImageSource, WIDTH - 220, height - 240, 180, 180);
}

/**
 * weapp: draws the certificate on a 2d canvas, exports it (`canvasToTempFilePath`) and saves
 * it to the album (`saveImageToPhotosAlbum`, which asks for permission the first time).
 */
export function SaveCertificate({ certificate, qr }: { certificate: TCertificate; qr: string }) {
  const [pending, setPending] = useState(false);
  const save = async () => {
    if (pending) return;
    setPending(true);
    try {
      const found = await new Promise<Canvas2d | undefined>((resolve) => {
        Taro.createSelectorQuery()
          .select('#certificate-canvas')
          .fields({ node: true, size: true })
          .exec((res: { node?: Canvas2d }[]) => resolve(res?.[0]?.node));
      });
      if (!found) throw new Error('没有找到画布');
      await draw(found, certificate, qr);
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: found as never } as never);
      await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
      showSuccess('已保存到相册');
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String((thrown as { errMsg?: string })?.errMsg ?? '');
      void Taro.showModal({
        title: '没有保存',
        content: /auth|deny/i.test(message) ? '请在设置中允许保存到相册后再试' : '保存图片没有成功，请截屏保存',
        showCancel: false,
        confirmText: '知道了',
      });
    } finally {
      setPending(false);
    }
  };
  return (
    <View>
      <Canvas
        type="2d"
        id="certificate-canvas"
        style={{
          position: 'fixed',
          left: '-9999px',
          top: '0',
          width: `${WIDTH}px`,
          height: `${heightOf(certificate)}px`,
        }}
      />
      <Button
        type="primary"
        fill="outline"
        size="large"
        block
        id="save-certificate-button"
        loading={pending}
        disabled={pending}
        onClick={() => void save()}
      >
        保存为图片
      </Button>
    </View>
  );
}
