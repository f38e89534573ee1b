import type { Reason } from '../../../functions/errors.ts';
import type { MinutesDoc } from '../../../functions/meetings/minutes-doc.ts';

/** Minutes of an 11-member council, 10 present: the Chairperson, the Secretary and 8 members. */
export const CHAIR = 'Ерлан Әбдіғалиұлы Қасымов';
export const SECRETARY = 'Гүлнар Серікқызы Өтегенова';
export const MEMBERS = [
  'Нұрлан Жұмабекұлы Ғалымов',
  'Айгүл Қайратқызы Үсенова',
  'Дәурен Шаһмарданұлы Һамитов',
  'Іңкәр Болатқызы Сейітова',
  'Бауыржан Ғазизұлы Шәріпов',
  'Мөлдір Асқарқызы Тұрсынова',
  'Сәуле Ерболқызы Нұрғалиева',
  'Талғат Өмірзақұлы Бекмұханов',
];
export const ABSENT = 'Жанар Рүстемқызы Әлімжанова';
export const DISSENT = 'Мен келіспеймін: <script>alert("x")</script> & тексеру керек.';
export const VERSION = { id: 'order-15-2019', act: 'Order No. 15 of 2019-06-27' };

const reason = (point: string, code: string, kk: string, ru: string, en: string): Reason => ({ point, code, message: { kk, ru, en } });

export const doc: MinutesDoc = {
  council: {
    id: 'council-1',
    name: { kk: 'Үйлестіру кеңесі', ru: 'Координационный совет', en: 'Coordination Council' },
    parent: { kk: 'Адам құқықтары жөніндегі уәкіл жанындағы Үйлестіру кеңесі', ru: 'Координационный совет при Уполномоченном по правам человека' },
  },
  meeting: {
    id: 'meeting-2020-1',
    kind: 'regular',
    date: '2020-03-05',
    number: 3,
    field: { region: { kk: 'Түркістан облысы', ru: 'Туркестанская область' } },
    place: { kk: 'Шымкент қ.', ru: 'г. Шымкент' },
    startTime: '10:00',
    endTime: '12:30',
    convenedBy: { name: CHAIR, capacity: 'chairperson' },
    presiding: { name: CHAIR, capacity: 'chairperson' },
    chairperson: { name: CHAIR },
    secretary: { name: SECRETARY },
  },
  agenda: [
    { id: 'item-1', title: { kk: 'Тергеу изоляторларындағы ұстау жағдайлары', ru: 'Условия содержания в следственных изоляторах' }, submittedBy: MEMBERS[0] },
    { id: 'item-2', title: { kk: 'Мүшенің өкілеттіктерін тоқтату', ru: 'Прекращение полномочий члена' } },
    { id: 'item-3', title: { kk: 'Үйлестіру кеңесін жою туралы ұсыныс', ru: 'Предложение о ликвидации совета' }, submittedBy: MEMBERS[4] },
  ],
  present: [
    { name: CHAIR, capacity: 'chairperson' },
    { name: SECRETARY, capacity: 'secretary' },
    ...MEMBERS.map((name) => ({ name, capacity: 'member' as const })),
  ],
  absent: [{ name: ABSENT }],
  invited: [{ name: 'Серік Тоқтарұлы Байжанов', organisation: 'Қазақстан Республикасы Ішкі істер министрлігі', position: 'департамент директоры' }],
  hearings: [
    { speaker: 'Серік Тоқтарұлы Байжанов', subject: { kk: 'Изоляторлардағы медициналық көмек', ru: 'Медицинская помощь в изоляторах' }, itemId: 'item-1' },
    { speaker: 'Әсем Нұрланқызы Жақыпова', subject: { kk: 'Өңірдегі жағдай', ru: 'Положение в регионе' } },
  ],
  quorum: {
    outcome: 'quorate',
    reasons: [
      reason(
        'p22',
        'quorum-reached',
        'Кворум бар: Үйлестіру кеңесінің 11 мүшесінің 10 мүшесі қатысып отыр — жартысынан көбі (22-тармақ).',
        'Кворум есть: присутствуют 10 из 11 членов совета — более половины (п. 22).',
        'Quorate: 10 of the 11 members of the Council are present — more than half (p22).',
      ),
    ],
  },
  motions: [
    {
      id: 'motion-1',
      itemId: 'item-1',
      kind: 'ordinary',
      category: 'recommendation',
      title: { kk: 'Ішкі істер министрлігіне ұстау жағдайлары туралы ұсынымдар', ru: 'Рекомендации Министерству внутренних дел об условиях содержания' },
      status: 'closed',
      votes: { for: 5, against: 5, abstained: 0 },
      result: {
        outcome: 'adopted',
        reasons: [
          reason(
            'p25',
            'tie-presiding-for',
            'Шешім қабылданды: дауыстар тең бөлінді (5 «жақ», 5 «қарсы»), ал отырыста төрағалық етуші «жақ» дауыс берді (25-тармақ).',
            'Решение принято: голоса разделились поровну (5 «за», 5 «против»), а председательствующий проголосовал «за» (п. 25).',
            'Adopted by the tie rule: the votes are equally divided (5 for, 5 against) and the person presiding voted for (p25).',
          ),
        ],
        version: VERSION,
      },
      dissents: [{ member: MEMBERS[0]!, text: DISSENT, language: 'kk' }],
    },
    {
      id: 'motion-2',
      itemId: 'item-2',
      kind: 'termination',
      category: 'decision',
      title: { kk: 'Т. Ө. Бекмұхановтың өкілеттіктерін тоқтату (18.1-тармақ)', ru: 'Прекращение полномочий Т. Ө. Бекмұханова (п. 18.1)' },
      status: 'closed',
      votes: { for: 7, against: 2, abstained: 0 },
      entered: [{ by: MEMBERS[1]!, voters: [MEMBERS[7]!, MEMBERS[6]!] }],
      result: {
        outcome: 'adopted',
        reasons: [
          reason(
            'p25',
            'two-thirds-for',
            'Шешім қабылданды: 7 «жақ» дауыс — қатысушылардың (9) кемінде үштен екісі.',
            'Решение принято: 7 голосов «за» — не менее двух третей участвующих (9).',
            'Adopted: 7 votes for are at least two thirds of the 9 taking part (p25).',
          ),
        ],
        version: VERSION,
      },
      dissents: [],
    },
    {
      id: 'motion-3',
      itemId: 'item-3',
      kind: 'dissolution',
      category: 'proposal',
      title: { kk: 'Үйлестіру кеңесін жою туралы ұсыныс', ru: 'Предложение о ликвидации Координационного совета' },
      status: 'closed',
      votes: { for: 6, against: 3, abstained: 1 },
      result: {
        outcome: 'not-full-membership',
        reasons: [
          reason(
            'p32',
            'not-full-membership',
            'Толық құрам жоқ: 11 мүшенің 10 мүшесі қатысып отыр; Үйлестіру кеңесін жою туралы ұсыныс толық құрамдағы отырыста ғана қабылданады (32-тармақ).',
            'Нет полного состава: присутствуют 10 из 11 членов; предложение о ликвидации совета принимается только на заседании в полном составе (п. 32).',
            'Not the full membership: 10 of the 11 members are present (p32).',
          ),
        ],
        version: VERSION,
      },
      dissents: [],
    },
    {
      id: 'motion-4',
      kind: 'ordinary',
      category: 'proposal',
      title: { kk: 'Заңнаманы жетілдіру жөніндегі ұсыныстар', ru: 'Предложения по совершенствованию законодательства' },
      status: 'open',
      votes: { for: 0, against: 0, abstained: 0 },
      dissents: [],
    },
  ],
  complaints: [
    {
      id: 'complaint-1',
      receivedOn: '2020-02-20',
      summary: { kk: 'Уақытша ұстау изоляторында азаптау туралы хабарлама', ru: 'Сообщение о пытках в изоляторе временного содержания' },
    },
  ],
  signatures: [{ role: 'chairperson', name: CHAIR, signedAt: '2020-03-06T10:15:00+05:00', contentHash: 'a'.repeat(64) }],
  voidedSignatures: [],
  awaiting: ['secretary'],
  sealed: false,
  corrections: [],
  contentHash: 'a'.repeat(64),
};


/**
 * Minutes drawn up and signed before issue 11, as stored then: no parent line, number, times,
 * Chairperson or Secretary; the place one string, the field meeting's region one string with
 * its place beside it. Signed minutes are served as signed forever: they must still render.
 */
export const legacyDoc = {
  ...doc,
  council: { id: 'council-1', name: { kk: 'Үйлестіру кеңесі', ru: 'Координационный совет', en: 'Coordination Council' } },
  meeting: {
    id: 'meeting-2019-4',
    kind: 'extraordinary',
    date: '2019-11-20',
    field: { region: 'Түркістан облысы', place: 'Шымкент қаласы' },
    place: 'Шымкент қаласы',
    convenedBy: { name: MEMBERS[0]!, capacity: 'member-on-instruction' },
    presiding: { name: CHAIR, capacity: 'chairperson' },
  },
  hearings: [{ speaker: 'Серік Тоқтарұлы Байжанов', subject: { kk: 'Изоляторлардағы медициналық көмек', ru: 'Медицинская помощь в изоляторах' } }],
  signatures: [
    { role: 'chairperson', name: CHAIR, signedAt: '2019-11-21T04:00:00.000Z', contentHash: 'c'.repeat(64) },
    { role: 'secretary', name: SECRETARY, signedAt: '2019-11-21T05:30:00.000Z', contentHash: 'c'.repeat(64) },
  ],
  voidedSignatures: [{ role: 'secretary', name: SECRETARY, signedAt: '2019-11-20T12:00:00.000Z', contentHash: 'b'.repeat(64), voidedAt: '2019-11-20T13:00:00.000Z' }],
  awaiting: [],
  sealed: true,
  corrections: [{ id: 'correction-1', text: { kk: 'Қатысушылар тізімі түзетілді', ru: 'Исправлен список присутствующих' }, reason: 'қате', on: '2019-12-01', contentHash: 'c'.repeat(64) }],
  contentHash: 'c'.repeat(64),
} satisfies MinutesDoc;
