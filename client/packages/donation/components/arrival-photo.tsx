import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PhotoField, type UploadedPhoto } from '../../../components/photo-field';
import { useUploadArrivalPhoto } from '../api/donations';

export type { UploadedPhoto };

/**
 * 拍照留证 in the 确认接收 dialog, stored under this pledge. Optional: an arrival can be confirmed
 * without a photo.
 */
export function ArrivalPhotoField(props: {
  pledgeId: string;
  value: UploadedPhoto | null;
  onChange: (photo: UploadedPhoto | null) => void;
}) {
  const action = useUploadArrivalPhoto();
  const upload = {
    pending: action.pending,
    run: (imageBase64: string) => action.run(props.pledgeId, imageBase64),
  };
  return (
    <PhotoField
      name="arrival-photo"
      label="到货照片（可选）"
      hint="照片只给捐赠人和站点社工看，不会出现在公示账本里"
      upload={upload}
      takeLabel="拍照留证"
      ids={{
        take: 'take-arrival-photo',
        retake: 'retake-arrival-photo',
        remove: 'remove-arrival-photo',
        preview: 'arrival-photo-preview',
      }}
      previewClassName="arrival-photo__image"
      value={props.value}
      onChange={props.onChange}
    />
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
