import { loadManifest } from '../../emulator/db';
import { idCheckChar } from '../../shared/domain/identity';
import { AS, startBackend, STATION, type Backend } from './support';

/**
 * Someone registered a stranger's valid ID number as their own volunteer registration, which
 * blocks the real owner (the ID hash is unique). The owner raises a dispute; staff of the station
 * see it masked and resolve it after checking the paper ID in person; the ID is freed for the
 * owner, and the squatter's hours stay the squatter's.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const MIN = 60_000;
const idOf = (serial: string) => {
  const first17 = `33010219800101${serial}`;
  return first17 + idCheckChar(first17);
};
const OWNER_ID = idOf('271');
const OTHER_ID = idOf('272');

function registration(realName: string, idNumber: string) {
  return {
    data: {
      realName,
      idNumber,
      phone: '13900001111',
      emergencyContact: { name: '家人', phone: '13900002222' },
      homeStationId: STATION.jiangbin,
    },
  };
}
const dispute = (idNumber: string, realName = '周真人') => ({
  data: { realName, idNumber, phone: '13600007777', stationId: STATION.jiangbin },
});

/** Every stored document, as text: the clear ID number must appear nowhere. */
async function everything(): Promise<string> {
  const parts: unknown[] = [];
  for (const name of Object.keys(loadManifest().collections)) parts.push(await b.all(name));
  return JSON.stringify(parts);
}

/** The squatter serves a 2-hour shift, scanned in and out by 王社工. */
async function squatterServes(): Promise<void> {
  const start = new Date(b.clock.now.getTime() + 10 * MIN);
  const created = await b.ok(
    'activities',
    'create',
    {
      stationId: STATION.jiangbin,
      data: {
        title: '冒名者的服务',
        category: 'volunteering',
        method: 'community',
        location: '社区',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 120 * MIN).toISOString(),
        capacity: 10,
        volunteerSlots: 1,
        cancelDeadline: start.toISOString(),
      },
    },
    AS.staff,
  );
  const activityId = created.activityId as string;
  await b.ok('activities', 'publish', { activityId }, AS.staff);
  await b.ok('volunteering', 'signUpShift', { activityId }, 'squatter');
  const arrival = await b.ok('volunteering', 'myShiftCode', { activityId }, 'squatter');
  await b.ok('volunteering', 'scanShift', { activityId, code: arrival.code }, AS.staff);
  const start0 = b.clock.now;
  b.clock.now = new Date(start0.getTime() + 135 * MIN);
  try {
    const departure = await b.ok('volunteering', 'myShiftCode', { activityId }, 'squatter');
    await b.ok('volunteering', 'scanShift', { activityId, code: departure.code }, AS.staff);
  } finally {
    b.clock.now = start0;
  }
}

it('gives the owner of a squatted ID number a dispute staff resolve in person; the hours stay apart', async () => {
  await b.ok('volunteering', 'register', registration('冒名者', OWNER_ID), 'squatter');
  await squatterServes();
  expect(await b.refused('volunteering', 'register', registration('周真人', OWNER_ID), 'owner')).toBe(
    'ALREADY_REGISTERED',
  );

  // The owner raises a dispute; a wrong number or one nobody holds is no dispute.
  const badChecksum = `${OWNER_ID.slice(0, 17)}${OWNER_ID[17] === '0' ? '1' : '0'}`;
  expect(await b.refused('volunteering', 'disputeIdNumber', dispute(badChecksum), 'owner')).toBe('INVALID_ID_NUMBER');
  expect(await b.refused('volunteering', 'disputeIdNumber', dispute(OTHER_ID), 'owner')).toBe('RULE_VIOLATION');
  expect(await b.refused('volunteering', 'disputeIdNumber', dispute(OWNER_ID), 'squatter')).toBe('ALREADY_REGISTERED');
  const raised = await b.ok('volunteering', 'disputeIdNumber', dispute(OWNER_ID), 'owner');
  const masked = `${OWNER_ID.slice(0, 4)}**********${OWNER_ID.slice(-4)}`;
  expect(raised).toMatchObject({ status: 'open', stationName: '江滨街道社工站', idMasked: masked });
  expect(await b.ok('volunteering', 'disputeIdNumber', dispute(OWNER_ID), 'owner')).toMatchObject({
    disputeId: raised.disputeId,
  });
  expect(await b.ok('volunteering', 'myIdDispute', {}, 'owner')).toMatchObject({
    disputeId: raised.disputeId,
    status: 'open',
  });

  // Staff of the station see it, masked; nothing stores the clear number.
  const list = await b.ok('volunteering', 'idDisputes', { stationId: STATION.jiangbin }, AS.staff);
  const squatterProfile = await b.ok('volunteering', 'myProfile', {}, 'squatter');
  expect(list.items).toEqual([
    {
      disputeId: raised.disputeId,
      status: 'open',
      idMasked: masked,
      claimantName: '周**',
      claimantPhoneMasked: '136****7777',
      holderName: '冒**',
      holderVolunteerNo: squatterProfile.volunteerNo,
      stationId: STATION.jiangbin,
      stationName: '江滨街道社工站',
      createdAt: b.clock.now.toISOString(),
      resolution: null,
    },
  ]);
  expect(JSON.stringify(list)).not.toContain(OWNER_ID);
  expect(await everything()).not.toContain(OWNER_ID);
  expect(await b.refused('volunteering', 'idDisputes', { stationId: STATION.zhongdai }, AS.staff)).toBe('FORBIDDEN');
  expect(
    await b.refused(
      'volunteering',
      'resolveIdDispute',
      { disputeId: raised.disputeId, decision: 'uphold', reason: '本人' },
      'owner',
    ),
  ).toBe('FORBIDDEN');

  // 王社工 checked the paper ID in person: the number is the claimant's.
  const resolved = await b.ok(
    'volunteering',
    'resolveIdDispute',
    { disputeId: raised.disputeId, decision: 'uphold', reason: '已核验身份证原件' },
    AS.staff,
  );
  expect(resolved).toMatchObject({ status: 'upheld', resolution: '已核验身份证原件' });
  expect(
    await b.refused(
      'volunteering',
      'resolveIdDispute',
      { disputeId: raised.disputeId, decision: 'reject', reason: '再来一次' },
      AS.staff,
    ),
  ).toBe('ILLEGAL_TRANSITION');

  const staff = await b.ok('accounts', 'me', {}, AS.staff);
  const audit = (await b.all('auditLog')).filter((e) => e.entityId === raised.disputeId);
  expect(audit).toEqual([
    expect.objectContaining({
      action: 'volunteer.disputeUphold',
      actorId: staff.userId,
      entity: 'volunteer',
      stationId: STATION.jiangbin,
      from: { status: 'open' },
      to: { status: 'upheld', idMasked: masked },
      reason: '已核验身份证原件',
    }),
  ]);
  expect(JSON.stringify(audit)).not.toContain(OWNER_ID);

  // The squatter keeps their number and their hours, without the ID; the owner registers afresh.
  expect(await b.ok('volunteering', 'myProfile', {}, 'squatter')).toMatchObject({
    volunteerNo: squatterProfile.volunteerNo,
    idMasked: '已撤销（证件争议）',
  });
  const owner = await b.ok('volunteering', 'register', registration('周真人', OWNER_ID), 'owner');
  expect(owner.idMasked).toBe(masked);
  expect(owner.volunteerNo).not.toBe(squatterProfile.volunteerNo);
  expect((await b.ok('volunteering', 'myHours', {}, 'owner')).totals.totalMinutes).toBe(0);
  expect((await b.ok('volunteering', 'myHours', {}, 'squatter')).totals.totalMinutes).toBe(120);
  const squatterId = (await b.ok('accounts', 'me', {}, 'squatter')).userId;
  expect(
    (await b.all('hourEntries')).filter((e) => e.activityTitle === '冒名者的服务').map((e) => e.volunteerId),
  ).toEqual([squatterId]);

  // Both are told in 消息.
  expect((await b.ok('accounts', 'myMessages', {}, 'owner')).items[0]).toMatchObject({
    kind: 'id_dispute',
    title: '身份证号核实通过',
  });
  expect((await b.ok('accounts', 'myMessages', {}, 'squatter')).items[0]).toMatchObject({
    kind: 'id_dispute',
    title: '您登记的身份证号已被撤销',
  });
});

it('lets staff reject a dispute; the number stays with its holder', async () => {
  await b.ok('volunteering', 'register', registration('李登记', OTHER_ID), 'holder');
  const raised = await b.ok('volunteering', 'disputeIdNumber', dispute(OTHER_ID, '吴某'), 'claimant');
  const rejected = await b.ok(
    'volunteering',
    'resolveIdDispute',
    { disputeId: raised.disputeId, decision: 'reject', reason: '证件姓名与申请人不符' },
    AS.admin,
  );
  expect(rejected).toMatchObject({ status: 'rejected', resolution: '证件姓名与申请人不符' });
  expect(await b.refused('volunteering', 'register', registration('吴某', OTHER_ID), 'claimant')).toBe(
    'ALREADY_REGISTERED',
  );
  expect((await b.ok('volunteering', 'myProfile', {}, 'holder')).idMasked).toBe(
    `${OTHER_ID.slice(0, 4)}**********${OTHER_ID.slice(-4)}`,
  );
  expect((await b.ok('accounts', 'myMessages', {}, 'claimant')).items[0]).toMatchObject({
    kind: 'id_dispute',
    title: '身份证号核实未通过',
    body: expect.stringContaining('证件姓名与申请人不符'),
  });
  expect((await b.ok('volunteering', 'idDisputes', { stationId: STATION.jiangbin }, AS.staff)).items).toEqual([]);
});
