import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FormField } from '../../../components/form-field';
import { showError } from '../../../lib/feedback';
import { pickPhoto } from '../../../lib/pick-photo';
import { useUploadOrderPhoto } from '../api/orders';
import './orders.scss';

/** An uploaded photo: the id the order names and a link to show it. */
export interface UploadedPhoto {
  fileId: string;
  url: string;
}

/**
 * 拍照 (optional): the phone compresses the photo, the function checks its bytes and stores it
 * (for a new order in the person's own folder, for a service record in the order's); the preview
 * shows what was stored, with 重拍 and 移除.
 */
export function PhotoField(props: {
  name: string;
  label: string;
  hint?: string;
  stationId: string;
  orderId?: string;
  value: UploadedPhoto | null;
  onChange: (photo: UploadedPhoto | null) => void;
}) {
  const upload = useUploadOrderPhoto();
  const [picking, setPicking] = useState(false);
  const busy = picking || upload.pending;

  const take = async () => {
    setPicking(true);
    let picked;
    try {
      picked = await pickPhoto();
    } catch (error) {
      showError(error, '照片没有读取成功，请重试');
      return;
    } finally {
      setPicking(false);
    }
    if (!picked) return;
    const result = await upload.run({
      stationId: props.stationId,
      ...(props.orderId ? { orderId: props.orderId } : {}),
      imageBase64: picked.base64,
    });
    if (result.ok) props.onChange({ fileId: result.value.fileId, url: result.value.url });
  };

  return (
    <FormField name={props.name} label={props.label} hint={props.hint}>
      {props.value ? (
        <View>
          <Image
            id={`${props.name}-preview`}
            className="order-photo__image"
            src={props.value.url}
            mode="aspectFit"
            onClick={() => props.value && void Taro.previewImage({ urls: [props.value.url] })}
          />
          <View className="actions">
            <Button fill="outline" id={`${props.name}-retake`} disabled={busy} onClick={() => void take()}>
              重拍
            </Button>
            <Button fill="outline" type="danger" id={`${props.name}-remove`} onClick={() => props.onChange(null)}>
              移除照片
            </Button>
          </View>
        </View>
      ) : (
        <Button
          fill="outline"
          type="primary"
          id={`${props.name}-take`}
          loading={busy}
          disabled={busy}
          onClick={() => void take()}
        >
          {upload.pending ? '正在上传照片…' : '拍照上传（可不拍）'}
        </Button>
      )}
    </FormField>
  );
}

/** A stored photo in a card: tap for full screen. */
export function PhotoThumb(props: { id: string; url: string }) {
  return (
    <Image
      id={props.id}
      className="order-photo__thumb"
      src={props.url}
      mode="aspectFill"
      onClick={() => void Taro.previewImage({ urls: [props.url] })}
    />
  );
}
