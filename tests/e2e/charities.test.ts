/**
 * Browser E2E of the district charity list (慈善组织名录) on the REAL stack: the H5 build served by
 * the local gateway running the real `donations` cloud function against the database emulator.
 * An admin opens 我的 → 捐赠管理 → 慈善组织名录, is refused a card number in the how-to text (in
 * Chinese, by the contract's own schema on the client), adds a charity, sees it listed, and the
 * public `donations.listCharities` answers it over HTTP.
 */
import { api, type E2E, goto, inFreshPage, signInAs, useE2E, visible, visibleText } from './support';

jest.setTimeout(180_000);

let e2e: E2E;
const NAME = '临江区慈善总会（e2e）';
const REG_NO = '53330100MJ0000001Y';
const PROJECT = '银龄助餐计划';
const URL = 'https://example.org/projects/elder-meals';

useE2E((started) => (e2e = started));

test('an admin adds a qualified charity to the district list; card numbers are refused in Chinese', async () => {
  await inFreshPage(e2e, 'charities-admin-add', async (p) => {
    await signInAs(p, e2e.gateway, 'admin');
    await goto(p, e2e.gateway, '/pages/mine/index');
    await visible(p, '#donation-staff-entry').click();
    await visible(p, '#open-charities-button').click();
    await visibleText(p, '只有具备公开募捐资格的慈善组织才能接收资金捐赠').waitFor();
    await visible(p, '#add-charity-button').click();
    await visible(p, '#charity-name-input input').fill(NAME);
    await visible(p, '#charity-regno-input input').fill(REG_NO);
    await visible(p, '#charity-project-input input').fill(PROJECT);
    await visible(p, '#charity-url-input input').fill(URL);
    // A card number in the how-to text: refused on the client by addCharity.request, in Chinese.
    await visible(p, '#charity-howto-input textarea').fill('请转账至 6222 0212 3456 7890 123');
    await visible(p, '#submit-charity-button').click();
    const refusal = visible(p, '#field-charity-howToGive-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('请勿填写银行卡号、账号等支付信息');
    await expect(e2e.db.collection('charities').where({ name: NAME }).count()).resolves.toMatchObject({ total: 0 });

    await visible(p, '#charity-howto-input textarea').fill('打开项目页面，选择“银龄助餐计划”，按页面提示捐赠。');
    await visible(p, '#submit-charity-button').click();
    await visible(p, '#add-charity-button').waitFor();
    const list = visible(p, '#charity-list');
    await visibleText(p, NAME).waitFor();
    const text = await list.innerText();
    expect(text).toContain(REG_NO);
    expect(text).toContain(PROJECT);
    expect(text).toContain(URL);
    await p.screenshot({ path: '/tmp/charities-list.png', fullPage: true });
  });

  // Stored: the public list of a station in the district (st_LJ01 belongs to centre st_LJ) has it.
  const answer = await api(e2e.gateway, 'donations', { action: 'listCharities', data: { stationId: 'st_LJ01' } });
  expect(answer.ok).toBe(true);
  expect((answer.data as { items: unknown[] }).items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        name: NAME,
        registrationNo: REG_NO,
        projectName: PROJECT,
        projectUrl: URL,
        howToGive: '打开项目页面，选择“银龄助餐计划”，按页面提示捐赠。',
      }),
    ]),
  );
});
