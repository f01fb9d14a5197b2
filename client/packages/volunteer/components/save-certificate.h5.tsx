import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { TCertificate } from '../../../../shared/contracts/volunteering';

/** H5: print the page (or save it as PDF from the print dialog). */
export function SaveCertificate(_props: { certificate: TCertificate; qr: string }) {
  return (
    <Button
      type="primary"
      fill="outline"
      size="large"
      block
      id="save-certificate-button"
      onClick={() => window.print()}
    >
      打印 / 保存为PDF
    </Button>
  );
}
