import { Workbook } from '../../core/xlsx';
import { CONSENT_BY, CONSENT_METHODS, GENDERS, RISK_TIERS, TARGET_CATEGORIES } from '../../../shared/domain/targets';
import { formatDateTime } from '../../../shared/domain/time';
import { DUE_STATUS_LABELS, dueStatus, visitDeadline } from '../../../shared/domain/visit-plan';
import { AppError } from '../../../shared/errors';
import { stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { EXPORT_LINK_SECONDS, fileLinks, putFile } from '../../core/repositories/files';
import { findTargetsForExport } from '../../core/repositories/targets';
import { auditTarget, policyFor, readerFor } from '../support';

/** The most records one export carries (a district holds up to ~20,000). */
const MAX_ROWS = 25_000;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The roster of a station subtree as .xlsx, for heads and admins (`targets:export`): masked ID
 * numbers only, no notes. The export is audited and logged as a read; the file goes to cloud
 * storage (closed to clients, replaced by the next export of the station) behind a 10-minute link.
 */
export async function exportRoster(deps: Deps, caller: Caller, input: { stationId: string }) {
  const user = requireUser(caller);
  const station = await stationWithPermission(deps, caller, input.stationId, 'targets:export');
  const reader = readerFor(deps, caller, 'export');
  const [targets, policy] = await Promise.all([
    findTargetsForExport(deps.db, reader, station, MAX_ROWS),
    policyFor(deps, station.path[0]!),
  ]);
  const now = deps.now();
  const book = new Workbook();
  book.creator = '社工站通';
  book.created = now;
  const sheet = book.addWorksheet('服务对象名单');
  sheet.columns = [
    { header: '所属站点', key: 'station', width: 22 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '出生年份', key: 'birthYear', width: 10 },
    { header: '身份证号（脱敏）', key: 'idMasked', width: 22 },
    { header: '联系电话', key: 'phones', width: 26 },
    { header: '村/社区', key: 'area', width: 16 },
    { header: '组/楼栋', key: 'building', width: 14 },
    { header: '门牌号', key: 'room', width: 10 },
    { header: '联系人', key: 'guardian', width: 24 },
    { header: '对象类别', key: 'categories', width: 26 },
    { header: '风险等级', key: 'tier', width: 10 },
    { header: '评定理由', key: 'tierReason', width: 30 },
    { header: '责任社工', key: 'worker', width: 10 },
    { header: '单独同意', key: 'consent', width: 26 },
    { header: '最近探访', key: 'lastVisit', width: 20 },
    { header: '探访状态', key: 'due', width: 12 },
  ];
  for (const t of targets) {
    sheet.addRow({
      station: t.stationName,
      name: t.name,
      gender: GENDERS[t.gender],
      birthYear: t.birthYear,
      idMasked: t.idMasked ?? '',
      phones: t.phones.join('、'),
      area: t.address.area,
      building: t.address.building,
      room: t.address.room,
      guardian: t.guardian ? `${t.guardian.name}（${t.guardian.relation}）${t.guardian.phone}` : '',
      categories: t.categories.map((c) => TARGET_CATEGORIES[c]).join('、'),
      tier: RISK_TIERS[t.tier],
      tierReason: t.tierReason,
      worker: t.responsibleWorkerName ?? '',
      consent:
        t.consent.status === 'given'
          ? `${CONSENT_BY[t.consent.by]} · ${CONSENT_METHODS[t.consent.method]}`
          : '未取得（仅保存必要信息）',
      lastVisit: t.lastVisitAt ? formatDateTime(t.lastVisitAt) : '从未探访',
      due: DUE_STATUS_LABELS[
        dueStatus(
          visitDeadline({
            period: policy[t.tier],
            lastVisitAt: t.lastVisitAt,
            activeFrom: t.activeFrom,
            urgentSince: t.urgent?.since ?? null,
          }),
          now,
        )
      ],
    });
  }
  sheet.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const fileId = await putFile(deps, `exports/${station._id}/targets-roster.xlsx`, buffer);
  const url = (await fileLinks(deps, [fileId], EXPORT_LINK_SECONDS)).get(fileId);
  if (!url) throw new AppError('STORAGE_UNAVAILABLE');
  await auditTarget(deps, {
    actorId: user.userId,
    action: 'target.export',
    entityId: station._id,
    stationId: station._id,
    from: null,
    to: { rows: targets.length },
  });
  return {
    fileName: `${station.name}-服务对象名单.xlsx`,
    mimeType: XLSX_MIME,
    fileId,
    url,
    bytes: buffer.length,
    expiresAt: new Date(now.getTime() + EXPORT_LINK_SECONDS * 1000),
  };
}
