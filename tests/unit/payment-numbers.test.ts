import { text, longText } from '../../shared/contracts/common';
import { donationsContract } from '../../shared/contracts/donations';
import {
  containsPaymentNumber,
  containsPaymentNumberIn,
  foldWidth,
  isCardNumber,
  PAYMENT_NUMBER_MESSAGE,
  RECEIPT_NUMBER_MESSAGE,
} from '../../shared/domain/payment-numbers';

describe('containsPaymentNumber', () => {
  it.each([
    ['plain ASCII card number', '账号6222021234567890'],
    ['spaced card number', '卡号 6222 0212 3456 7890 123'],
    ['dashed card number', '6222-0212-3456-7890'],
    ['dotted card number', '6222.0212.3456.7890'],
    ['full-width digits', '６２２２０２１２３４５６７８９０'],
    ['full-width digits with full-width spaces', '６２２２\u3000０２１２\u3000３４５６\u3000７８９０'],
    ['mixed widths and separators', '请转 6222－０２１２ 3456·7890 谢谢'],
    ['one digit at a time', '6 2 2 2 0 2 1 2 3 4 5 6 7 8'],
    ['separators up to three in a row', '6222 - 0212 - 3456 - 7890'],
    ['a 12-digit corporate account', '对公账户 120902345678'],
    ['an account beside a phone number', '13800001234 6222021234567890'],
    ['em dashes', '6222—0212—3456—7890'],
  ])('refuses %s', (_case, text) => {
    expect(containsPaymentNumber(text)).toBe(true);
  });

  it.each([
    ['a mobile number', '电话13812345678'],
    ['a mobile number in groups', '联系 138 1234 5678'],
    ['a mobile number with the country code', '+86 138-1234-5678'],
    ['two mobile numbers', '13800001234 13900005678'],
    ['a landline', '0571-86002101'],
    ['a landline with extension', '0571-8600-2101-123'],
    ['a date', '2026-11-22'],
    ['two dates', '2026-11-22 2026-11-30'],
    ['a compact date range', '20261122-20261130'],
    ['dotted dates', '2026.11.22—2026.12.01'],
    ['a date and a phone number', '2026-11-22 13800001234'],
    ['full-width phone number', '１３８００００１２３４'],
    ['quantities', '送 20 箱牛奶，每箱 24 瓶，共 480 瓶'],
    ['large quantities', '1000000 个口罩'],
    ['prices and decimals', '单价 150.00 元，合计 1,500 元'],
    ['a time', '14:00-15:30 在活动室'],
    ['an 11-digit number that is not a phone', '编号 12345678901'],
  ])('lets %s through', (_case, text) => {
    expect(containsPaymentNumber(text)).toBe(false);
  });

  it('folds full-width digits and punctuation to ASCII', () => {
    expect(foldWidth('６２２２－０２１２．')).toBe('6222-0212.');
  });
});

describe('text fields screen payment numbers', () => {
  it('refuses a card number in text() and longText() with the shared message', () => {
    const single = text(40, '名称').safeParse('６２２２ ０２１２ ３４５６ ７８９０');
    expect(single.success).toBe(false);
    expect(single.error?.issues[0]?.message).toBe(PAYMENT_NUMBER_MESSAGE);
    const long = longText(200, '备注').safeParse('收款 6222-0212-3456-7890');
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe(PAYMENT_NUMBER_MESSAGE);
  });

  it('keeps ordinary text, trimmed', () => {
    expect(text(40, '名称').parse('  冬季棉被 10 床 ')).toBe('冬季棉被 10 床');
    expect(longText(200, '备注').parse('电话 0571-86002101')).toBe('电话 0571-86002101');
  });
});

describe('structured values: 捐赠票据 numbers and project pages', () => {
  it('knows a card number by its issuer, length and Luhn check digit', () => {
    expect(isCardNumber('4367421234567896')).toBe(true); // 16 digits, Visa
    expect(isCardNumber('6222021234567890128')).toBe(true); // 19 digits, UnionPay
    expect(isCardNumber('6222021234567890127')).toBe(false); // one digit off
    expect(isCardNumber('330101200000012349')).toBe(true); // a receipt's digits can pass too
    expect(isCardNumber('122202123456789012')).toBe(false); // no card issuer starts with 1
  });

  it.each([
    ['code and number apart', '33010120-0000012345'],
    ['code and number together', '330101200000012345'],
    ['an 8-digit number', '33010120-00012345'],
    ['code and number apart, even when together they pass Luhn', '33010120-0000012349'],
    ['a paper receipt number with letters', 'ZJ2026-000123'],
    ['a short number', 'No-0012345'],
  ])('lets a receipt with %s through', (_case, value) => {
    expect(containsPaymentNumberIn(value, 'receipt')).toBe(false);
  });

  it.each([
    ['a 19-digit card number', '6222021234567890128'],
    ['a 16-digit card number', '4367421234567896'],
    ['a card number in groups of four', '6222-0212-3456-7890-128'],
    ['a receipt-length number that is also a card number', '330101200000012349'],
    ['a 19-digit account number', '1202021209000012345'],
    ['a 12-digit corporate account', '120902345678'],
    ['full-width digits', '６２２２０２１２３４５６７８９０１２８'],
  ])('refuses a receipt that is %s', (_case, value) => {
    expect(containsPaymentNumberIn(value, 'receipt')).toBe(true);
  });

  it.each([
    ['a plain page', 'https://gongyi.example.org/project/2026'],
    ['a long project id', 'https://gongyi.example.org/detail.htm?id=202611220000012345'],
    ['a date and an id', 'https://example.org/2026-11-22/1234567890123'],
  ])('lets a project page with %s through', (_case, value) => {
    expect(containsPaymentNumberIn(value, 'url')).toBe(false);
  });

  it.each([
    ['a card number as the id', 'https://example.org/give?card=6222021234567890128'],
    ['a card number in groups', 'https://example.org/give/4367-4212-3456-7896'],
  ])('refuses a project page with %s', (_case, value) => {
    expect(containsPaymentNumberIn(value, 'url')).toBe(true);
  });

  it('screens recordCharityReceipt.receiptNo and addCharity.projectUrl in the contracts', () => {
    const receipt = donationsContract.actions.recordCharityReceipt.request;
    expect(receipt.safeParse({ pledgeId: 'p1', receiptNo: '33010120-0000012345' }).success).toBe(true);
    const refused = receipt.safeParse({ pledgeId: 'p1', receiptNo: '6222021234567890128' });
    expect(refused.error?.issues.map((issue) => issue.message)).toEqual([RECEIPT_NUMBER_MESSAGE]);
    const charity = (projectUrl: string) => ({
      centerId: 'c1',
      data: {
        name: '浙江省慈善联合总会',
        registrationNo: '51330000MJ8733110A',
        projectName: '冬日暖心',
        projectUrl,
        howToGive: '在项目页面捐赠',
      },
    });
    const addCharity = donationsContract.actions.addCharity.request;
    expect(addCharity.safeParse(charity('https://example.org/p?id=202611220000012345')).success).toBe(true);
    expect(
      addCharity
        .safeParse(charity('https://example.org/p?card=6222021234567890128'))
        .error?.issues.map((i) => i.message),
    ).toEqual([PAYMENT_NUMBER_MESSAGE]);
  });
});
