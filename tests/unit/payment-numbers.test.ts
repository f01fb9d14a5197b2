import { text, longText } from '../../shared/contracts/common';
import { containsPaymentNumber, foldWidth, PAYMENT_NUMBER_MESSAGE } from '../../shared/domain/payment-numbers';

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
