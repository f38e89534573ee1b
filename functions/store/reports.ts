import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../audit.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Institution } from '../preventive/model.ts';
import type { Consent, Recommendation, ReportingForm, VisitReport } from '../reports/model.ts';
import type { ReportsStore } from '../reports/store.ts';
import { documentClient, tableName } from './client.ts';
import { fromItem, within } from './keys.ts';
import { institutionFromItem, keysPreventive } from './keys-preventive.ts';
import { keysReports } from './keys-reports.ts';
import { auditPut } from './trail.ts';
import { queryAll, transact } from './transact.ts';

type Item = Record<string, unknown>;

/** Forms and answers are kept as JSON text: a form's shape is the Council's, not the table's (no nesting limits, no empty-value rules). */
const formOf = (item: Item): ReportingForm => {
  const { schemaJson, ...rest } = fromItem<Item>(item)!;
  return { ...(rest as Omit<ReportingForm, 'schema'>), schema: JSON.parse(String(schemaJson)) };
};
const reportOf = (item: Item): VisitReport => {
  const { answersJson, ...rest } = fromItem<Item>(item)!;
  return { ...(rest as Omit<VisitReport, 'answers'>), answers: JSON.parse(String(answersJson)) };
};

/** The reports' store on DynamoDB: every act one transaction with its audit entry. */
export function dynamoReportsStore(): ReportsStore {
  const TableName = tableName();
  const all = async (councilId: string, label: string, type: string) => {
    const { pk, prefix } = within(councilId, label);
    const items = await queryAll({ TableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix }, ConsistentRead: true });
    return items.filter((i) => i.type === type);
  };
  const get = async (key: { pk: string; sk: string }) => (await documentClient().send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item as Item | undefined;
  return {
    listForms: async (councilId) => (await all(councilId, 'REPORTINGFORM', 'reporting-form')).map(formOf),
    async putForm(form, audit) {
      const { schema, ...rest } = form;
      await transact(
        [
          { Put: { TableName, Item: { councilId: form.councilId, id: form.id, ...keysReports.formVersion(form.councilId, form.version), type: 'reporting-form-version' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName, Item: { ...rest, schemaJson: JSON.stringify(schema), ...keysReports.reportingForm(form.councilId, form.id), type: 'reporting-form' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          auditPut(TableName, audit),
        ],
        () => new ConflictError('form-version-taken', { kk: 'Есеп нысанының осы нұсқасы осы уақытта бекітілді: қайталаңыз', ru: 'Эта версия формы отчёта только что утверждена: повторите', en: 'This version of the form was approved meanwhile: try again' }),
      );
    },
    // Read as the preventive registers write them (functions/store/keys-preventive.ts).
    getInstitution: async (councilId, id) => institutionFromItem(await get(keysPreventive.institution(councilId, id))),
    listInstitutions: async (councilId) => (await all(councilId, 'INSTITUTION', 'institution')).map(institutionFromItem).filter((i): i is Institution => i !== undefined),
    async putReport(report, audit) {
      const { answers, ...rest } = report;
      await transact([{ Put: { TableName, Item: { ...rest, answersJson: JSON.stringify(answers), ...keysReports.visitReport(report.councilId, report.id), type: 'visit-report' }, ConditionExpression: 'attribute_not_exists(pk)' } }, auditPut(TableName, audit)], () => reportExists());
    },
    getReport: async (councilId, id) => {
      const item = await get(keysReports.visitReport(councilId, id));
      return item?.type === 'visit-report' ? reportOf(item) : undefined;
    },
    listReports: async (councilId) => (await all(councilId, 'VISITREPORT', 'visit-report')).map(reportOf),
    async addConsent(councilId: string, reportId: string, consent: Consent, audit: AuditEntry) {
      await transact(
        [
          {
            Update: {
              TableName,
              Key: keysReports.visitReport(councilId, reportId),
              UpdateExpression: 'SET consents = list_append(consents, :c)',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':c': [consent] },
            },
          },
          auditPut(TableName, audit),
        ],
        () => new NotFoundError('visit-report-not-found', { kk: 'Бару туралы есеп табылмады', ru: 'Отчёт о посещении не найден', en: 'Visit report not found' }),
      );
    },
    async putRecommendation(r: Recommendation, audit: AuditEntry, before?: Recommendation) {
      // A follow-up step is written only over the state it was decided on: sent once, answered once.
      const step = r.response ? 'response' : 'sending';
      const condition = before ? { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#step)', ExpressionAttributeNames: { '#step': step } } : { ConditionExpression: 'attribute_not_exists(pk)' };
      await transact([{ Put: { TableName, Item: { ...r, ...keysReports.recommendation(r.councilId, r.id), type: 'recommendation' }, ...condition } }, auditPut(TableName, audit)], () =>
        new ConflictError('recommendation-changed', { kk: 'Ұсыныс осы уақытта өзгерді: жаңартып, қайталаңыз', ru: 'Рекомендация за это время изменилась: обновите и повторите', en: 'The recommendation changed meanwhile: reload and try again' }),
      );
    },
    getRecommendation: async (councilId, id) => {
      const item = await get(keysReports.recommendation(councilId, id));
      return item?.type === 'recommendation' ? fromItem<Recommendation>(item) : undefined;
    },
    listRecommendations: async (councilId) => (await all(councilId, 'RECOMMENDATION', 'recommendation')).map((i) => fromItem<Recommendation>(i)!),
  };
}

const reportExists = () => new ConflictError('visit-report-exists', { kk: 'Бұл есеп бұрын тіркелген', ru: 'Этот отчёт уже записан', en: 'This report is already filed' });

/** Overdue recommendations for the Chairperson's notices (functions/meetings/notices.ts). */
export function dynamoRecommendationsSource(): { listRecommendations(councilId: string): Promise<Recommendation[]> } {
  const store = dynamoReportsStore();
  return { listRecommendations: (councilId) => store.listRecommendations(councilId) };
}
