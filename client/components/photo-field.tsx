import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActionResult } from '../hooks/use-action';
import { takePhoto } from '../lib/take-photo';
import { FormField } from './form-field';

/** An uploaded photo: the file id the record will name and a link to show it. */
export interface UploadedPhoto {
  fileId: string;
  url: string;
}

/**
 * An optional photo field: take or choose a photo, which the phone compresses and the feature's
 * upload action sends at once (the function checks its bytes and stores it); the preview shows
 * what was stored, with 重拍 and 移除. Each feature passes its own upload, words and element ids.
 */
export function PhotoField(props: {
  name: string;
  label: string;
  hint?: string;
  /** The feature's upload action (from its `api/`), given the compressed photo. */
  upload: { run: (imageBase64: string) => Promise<ActionResult<UploadedPhoto>>; pending: boolean };
  takeLabel: string;
  ids: { take: string; retake: string; remove: string; preview: string };
  previewClassName: string;
  value: UploadedPhoto | null;
  onChange: (photo: UploadedPhoto | null) => void;
}) {
  const { upload } = props;
  const [picking, setPicking] = useState(false);
  const busy = picking || upload.pending;

  const take = async () => {
    setPicking(true);
    let picked;
    try {
      picked = await takePhoto();
    } finally {
      setPicking(false);
    }
    if (!picked) return;
    const result = await upload.run(picked.base64);
    if (result.ok) props.onChange({ fileId: result.value.fileId, url: result.value.url });
  };

  return (
    <FormField name={props.name} label={props.label} hint={props.hint}>
      {props.value ? (
        <View>
          <Image
            id={props.ids.preview}
            className={props.previewClassName}
            src={props.value.url}
            mode="aspectFit"
            onClick={() => props.value && void Taro.previewImage({ urls: [props.value.url] })}
          />
          <View className="actions">
            <Button fill="outline" id={props.ids.retake} disabled={busy} onClick={() => void take()}>
              重拍
            </Button>
            <Button fill="outline" type="danger" id={props.ids.remove} onClick={() => props.onChange(null)}>
              移除照片
            </Button>
          </View>
        </View>
      ) : (
        <Button
          fill="outline"
          type="primary"
          id={props.ids.take}
          loading={busy}
          disabled={busy}
          onClick={() => void take()}
        >
          {upload.pending ? '正在上传照片…' : props.takeLabel}
        </Button>
      )}
    </FormField>
  );
}
