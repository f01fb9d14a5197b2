import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { showError } from '../../../lib/feedback';
import { useUploadArrivalPhoto } from '../api/donations';
import { FormField } from './fields';
import { pickPhoto } from '../../../lib/pick-photo';

/** The uploaded photo the confirmed arrival will name: its file id and a link to show it. */
export interface UploadedPhoto {
  fileId: string;
  url: string;
}

/**
 * 拍照留证 in the 确认接收 dialog: take or choose a photo, which is compressed on the phone and
 * uploaded at once (the function checks and stores it under this pledge); the preview shows
 * what was stored, with 重拍 and 移除. Optional: an arrival can be confirmed without a photo.
 */
export function ArrivalPhotoField(props: {
  pledgeId: string;
  value: UploadedPhoto | null;
  onChange: (photo: UploadedPhoto | null) => void;
}) {
  const upload = useUploadArrivalPhoto();
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
    const result = await upload.run(props.pledgeId, picked.base64);
    if (result.ok) props.onChange({ fileId: result.value.fileId, url: result.value.url });
  };

  return (
    <FormField name="arrival-photo" label="到货照片（可选）" hint="照片只给捐赠人和站点社工看，不会出现在公示账本里">
      {props.value ? (
        <View className="arrival-photo__preview">
          <Image
            id="arrival-photo-preview"
            className="arrival-photo__image"
            src={props.value.url}
            mode="aspectFit"
            onClick={() => props.value && void Taro.previewImage({ urls: [props.value.url] })}
          />
          <View className="actions">
            <Button fill="outline" id="retake-arrival-photo" disabled={busy} onClick={() => void take()}>
              重拍
            </Button>
            <Button fill="outline" type="danger" id="remove-arrival-photo" onClick={() => props.onChange(null)}>
              移除照片
            </Button>
          </View>
        </View>
      ) : (
        <Button
          fill="outline"
          type="primary"
          id="take-arrival-photo"
          loading={busy}
          disabled={busy}
          onClick={() => void take()}
        >
          {upload.pending ? '正在上传照片…' : '拍照留证'}
        </Button>
      )}
    </FormField>
  );
}

/** An arrival photo in a list: tap to see it full screen. */
export function ArrivalPhoto(props: { id: string; url: string }) {
  return (
    <View className="arrival-photo__inline">
      <Text className="row-block">到货照片（点击查看大图）：</Text>
      <Image
        id={props.id}
        className="arrival-photo__thumb"
        src={props.url}
        mode="aspectFill"
        onClick={() => void Taro.previewImage({ urls: [props.url] })}
      />
    </View>
  );
}
