import { epochDay } from '../clock.ts';
import { KenesError } from '../errors.ts';
import { argumentsOf, type Text } from '../text.ts';
import { consolidate, inForceFrom, publicationOf, type State } from './consolidate.ts';
import { sameValue, type LawDocument, type ParameterEntryDoc, type QuestionEntryDoc, type RuleDoc, type VersionDoc } from './document.ts';
import { COMPUTED_FACTS, OPERATORS, buildEngine } from './engine.ts';
import { QUESTIONS, factNames, type Question } from './facts.ts';
import { resolveParam, substitute } from './params.ts';
import { citedPoints, walk, type Leaf } from './conditions.ts';

/**
 * One thing wrong with the law data: where (for a reader), what (kk, ru, en), and — when one
 * version's own changes are at fault — that version and the path inside it, so an amendment's
 * problems can name the field of the request.
 */
export type Problem = { where: string; message: Text; version?: string; path?: string };

/** A message that exists in English only (the files' own YAML and shape problems, read by developers). */
export function untranslated(message: string): Text {
  return { kk: message, ru: message, en: message };
}

/** A zod issue's message: its own three languages when it gives them. */
export function issueText(issue: { message: string; params?: Record<string, unknown> }): Text {
  const own = issue.params?.message as Text | undefined;
  return own?.kk && own.ru && own.en ? own : untranslated(issue.message);
}

const t = (en: string, ru: string, kk: string): Text => ({ kk, ru, en });

type Add = (where: string, message: Text, at?: { version: string; path: string }) => void;

/** Every cross-reference problem of a law document (its shape is zod's job): none means it can be built. */
export function lawProblems(doc: LawDocument): Problem[] {
  const problems = new Map<string, Problem>();
  const add: Add = (where, message, at) => problems.set(`${where}\n${message.en}`, { where, message, ...at });
  checkVersions(doc, add);
  const states = consolidate(doc.versions);
  const first = states[0];
  if (first && !first.points[doc.act.entryIntoForcePoint])
    add('act', t(`entryIntoForcePoint ${doc.act.entryIntoForcePoint} is not a point`, `entryIntoForcePoint ${doc.act.entryIntoForcePoint} не является пунктом`, `entryIntoForcePoint ${doc.act.entryIntoForcePoint} тармақ емес`));
  doc.versions.forEach((version, i) => {
    if (version.kind === 'repeal') return;
    const state = states[i]!;
    for (const [name, entry] of Object.entries(version.changes.parameters))
      checkParameter(entry, state, (where, message) => add(`parameter ${name} (${version.id})${where}`, message, { version: version.id, path: `changes.parameters.${name}${where}` }));
    for (const question of QUESTIONS)
      if (!state.questions[question])
        add(`version ${version.id}`, t(`question ${question} has no rules in force`, `у вопроса ${question} нет действующих правил`, `${question} сұрағының қолданыстағы ережелері жоқ`), { version: version.id, path: `changes.questions.${question}` });
    for (const [question, definition] of Object.entries(state.questions))
      checkQuestion(question, definition, state, version.id, (where, message) =>
        add(`question ${question} (from ${definition.since})${where}`, message, { version: definition.since, path: `changes.questions.${question}${where}` }),
      );
  });
  return [...problems.values()];
}

/**
 * The order of the versions: an adoption opens an act, amendments follow, a repeal closes it;
 * after a repeal only a new adoption (a successor act) may follow. Dates of entry into force
 * strictly increase.
 */
function checkVersions(doc: LawDocument, add: Add): void {
  const seen = new Set<string>();
  let previous: { from: string; version: VersionDoc } | undefined;
  doc.versions.forEach((version, i) => {
    const where = `version ${version.id}`;
    const at = (path: string) => ({ version: version.id, path });
    if (seen.has(version.id)) add(where, t('the id is used twice', 'идентификатор использован дважды', 'идентификатор екі рет қолданылған'), at('id'));
    seen.add(version.id);
    if (version.kind === 'correction')
      add(
        where,
        t(
          `a correction is merged into the version it corrects (${version.corrects ?? '?'}), it is not a version of its own`,
          `исправление включается в исправляемую редакцию (${version.corrects ?? '?'}), это не отдельная редакция`,
          `түзету ол түзететін редакцияға (${version.corrects ?? '?'}) қосылады, ол жеке редакция емес`,
        ),
        at('kind'),
      );
    const opens = i === 0 || previous?.version.kind === 'repeal';
    if (opens && version.kind !== 'adoption')
      add(
        where,
        i === 0
          ? t('the first version is the adoption', 'первая редакция — это принятие акта', 'бірінші редакция — актіні қабылдау')
          : t(
              `after the repeal (${previous!.version.id}) only a new adoption (a successor act) can follow`,
              `после отмены (${previous!.version.id}) может следовать только принятие нового акта`,
              `күші жойылғаннан кейін (${previous!.version.id}) тек жаңа актіні қабылдау ғана келе алады`,
            ),
        at('kind'),
      );
    if (!opens && version.kind === 'adoption')
      add(
        where,
        t(
          'an adoption opens the act, or follows a repeal (a successor act); here the act is in force: publish an amendment',
          'принятие открывает акт или следует за его отменой (новый акт); здесь акт действует: опубликуйте изменение',
          'қабылдау актіні ашады немесе оның күші жойылғаннан кейін келеді (жаңа акт); мұнда акт қолданыста: өзгерісті жариялаңыз',
        ),
        at('kind'),
      );
    checkBasedOn(doc, version, i, opens, (message) => add(where, message, at('basedOn')));
    const changes = version.changes;
    if (version.kind === 'repeal' && Object.keys({ ...changes.points, ...changes.parameters, ...changes.questions }).length)
      add(
        where,
        t('a repeal changes nothing: after it no rule of the act applies', 'отмена ничего не изменяет: после неё ни одна норма акта не применяется', 'күшін жою ештеңені өзгертпейді: одан кейін актінің бірде-бір нормасы қолданылмайды'),
        at('changes'),
      );
    if (version.publishedOn < version.adoptedOn)
      add(
        where,
        t(`publishedOn ${version.publishedOn} is before adoptedOn ${version.adoptedOn}`, `publishedOn ${version.publishedOn} раньше adoptedOn ${version.adoptedOn}`, `publishedOn ${version.publishedOn} adoptedOn ${version.adoptedOn} күнінен бұрын`),
        at('publishedOn'),
      );
    checkRegistration(doc, version, (message, path) => add(where, message, at(path)));
    const from = inForceFrom(doc.act, version);
    if (previous && epochDay(from) <= epochDay(previous.from))
      add(
        where,
        t(
          `enters into force on ${from}, not after the version before it (${previous.from})`,
          `вступает в силу ${from}, не позже предыдущей редакции (${previous.from})`,
          `${from} күні күшіне енеді, алдыңғы редакциядан (${previous.from}) кейін емес`,
        ),
        at(version.inForceFrom ? 'inForceFrom.date' : 'publishedOn'),
      );
    previous = { from, version };
  });
  if (doc.versions[0] && doc.versions[0].adoptedOn !== doc.act.adoptedOn)
    add('act', t('adoptedOn differs from the adopting version', 'adoptedOn отличается от принимающей редакции', 'adoptedOn қабылдаған редакциядан өзгеше'));
}

/**
 * A registrable act is published only after it is registered (Order No. 18: registered by the
 * Ministry of Justice on 2013-11-08), so it cannot be in force before the registration + the
 * days after publication + 1. An assumed date is raised to the registration (consolidate.ts); a
 * recorded date or an explicit entry into force before it is a mistake.
 */
function checkRegistration(doc: LawDocument, version: VersionDoc, add: (message: Text, path: string) => void): void {
  const { registeredOn } = publicationOf(doc.act, version);
  if (!registeredOn) return;
  if (!version.publishedOnAssumed && version.publishedOn < registeredOn)
    add(
      t(
        `published on ${version.publishedOn}, before its registration on ${registeredOn}: a registrable act is published only after it is registered`,
        `опубликовано ${version.publishedOn}, раньше регистрации ${registeredOn}: регистрируемый акт публикуется только после регистрации`,
        `${version.publishedOn} күні жарияланған, ${registeredOn} күнгі тіркеуден бұрын: тіркелетін акт тіркелгеннен кейін ғана жарияланады`,
      ),
      'publishedOn',
    );
  if (version.inForceFrom && version.inForceFrom.date <= registeredOn)
    add(
      t(
        `in force from ${version.inForceFrom.date}, not after its registration on ${registeredOn}`,
        `вступает в силу ${version.inForceFrom.date}, не позже регистрации ${registeredOn}`,
        `${version.inForceFrom.date} күні күшіне енеді, ${registeredOn} күнгі тіркеуден кейін емес`,
      ),
      'inForceFrom.date',
    );
}

/** `basedOn`: only a successor act takes over an earlier state, and only one that came before it. */
function checkBasedOn(doc: LawDocument, version: VersionDoc, i: number, opens: boolean, add: (message: Text) => void): void {
  if (!version.basedOn) return;
  if (version.kind !== 'adoption' || i === 0 || !opens)
    return add(t('only a successor act (an adoption after a repeal) is based on an earlier version', 'только новый акт (принятый после отмены) основывается на прежней редакции', 'тек жаңа акт (күші жойылғаннан кейін қабылданған) бұрынғы редакцияға негізделеді'));
  const base = doc.versions.slice(0, i).find((v) => v.id === version.basedOn);
  if (!base || base.kind === 'repeal')
    add(t(`${version.basedOn} is not an earlier version that gave rules`, `${version.basedOn} не является прежней редакцией с нормами`, `${version.basedOn} нормалары бар бұрынғы редакция емес`));
}

function checkPoint(point: string, state: State, where: string, add: Add): void {
  const wording = state.points[point];
  if (!wording) add(where, t(`cites ${point}, which is not a point of the law in force`, `ссылается на ${point}, которого нет в действующем законе`, `${point} тармағына сілтейді, ол қолданыстағы заңда жоқ`));
  else if (wording.deleted) add(where, t(`cites ${point}, deleted by ${wording.since}`, `ссылается на ${point}, исключённый ${wording.since}`, `${wording.since} алып тастаған ${point} тармағына сілтейді`));
}

function checkParameter(entry: ParameterEntryDoc, state: State, add: Add): void {
  checkPoint(entry.point, state, '.point', add);
  const values = entry.options?.map((o) => o.value) ?? [];
  if (new Set(values.map((v) => JSON.stringify(v))).size !== values.length) add('.options', t('two options have the same value', 'у двух вариантов одно значение', 'екі нұсқаның мәні бірдей'));
  if (entry.open && !entry.options)
    add('.options', t('an open question lists its options, each with its explanation', 'открытый вопрос перечисляет варианты, каждый с объяснением', 'ашық сұрақ нұсқаларын тізеді, әрқайсысы түсіндірмесімен'));
  if (entry.options && !values.some((v) => sameValue(v, entry.value)))
    add('.value', t(`value ${String(entry.value)} is not one of the options (${values.map((v) => JSON.stringify(v)).join(', ')})`, `значение ${JSON.stringify(entry.value)} не входит в варианты`, `${JSON.stringify(entry.value)} мәні нұсқалардың бірі емес`));
  const known = new Set(QUESTIONS.flatMap(factNames));
  for (const fact of entry.options?.flatMap((o) => [...[o.fact ?? []].flat(), ...(o.less ?? [])]) ?? [])
    if (!known.has(fact)) add('.options', t(`option fact ${fact} is not a fact of any question`, `факт варианта ${fact} не является фактом ни одного вопроса`, `${fact} нұсқа фактісі ешбір сұрақтың фактісі емес`));
  const value = entry.value as { numerator?: number; denominator?: number };
  if (typeof value === 'object' && value.numerator! > value.denominator!)
    add('.value', t(`the share ${value.numerator}/${value.denominator} is more than the whole`, `доля ${value.numerator}/${value.denominator} больше целого`, `${value.numerator}/${value.denominator} үлесі бүтіннен үлкен`));
}

function checkQuestion(question: string, definition: QuestionEntryDoc, state: State, versionId: string, add: Add): void {
  if (!(QUESTIONS as readonly string[]).includes(question))
    return add('', t(`is not a question kenes answers (${QUESTIONS.join(', ')})`, `не является вопросом, на который отвечает kenes (${QUESTIONS.join(', ')})`, `kenes жауап беретін сұрақ емес (${QUESTIONS.join(', ')})`));
  const facts = new Set(factNames(question as Question));
  definition.dependsOn.forEach((point, i) => {
    if (!state.points[point]) add(`.dependsOn.${i}`, t(`${point} is not a point of the law in force under ${versionId}`, `${point} не является пунктом закона, действующего по ${versionId}`, `${point} ${versionId} бойынша қолданыстағы заңның тармағы емес`));
  });
  definition.readings.forEach((name, i) => {
    if (!state.parameters[name]?.open)
      add(`.readings.${i}`, t(`${name} is not an open-question parameter in force under ${versionId}`, `${name} не является параметром открытого вопроса по ${versionId}`, `${name} ${versionId} бойынша ашық сұрақ параметрі емес`));
  });
  const blocked = definition.dependsOn.filter((p) => !state.points[p] || state.points[p].unknown || state.points[p].deleted);
  if ('unknown' in definition) {
    if (!blocked.length)
      add(
        '',
        t(
          `its rules are unknown under ${versionId}, yet every point it depends on is known: name the point whose wording is unknown in dependsOn`,
          `его правила неизвестны по ${versionId}, но все пункты, от которых он зависит, известны: укажите в dependsOn пункт с неизвестным текстом`,
          `${versionId} бойынша оның ережелері белгісіз, бірақ ол тәуелді барлық тармақ белгілі: dependsOn ішінде мәтіні белгісіз тармақты атаңыз`,
        ),
      );
    return;
  }
  if (blocked.length) return; // never evaluated under this version: kenes refuses, naming the point
  const outcomes = new Set(definition.outcomes);
  if (outcomes.size !== definition.outcomes.length) add('.outcomes', t('an outcome is listed twice', 'исход указан дважды', 'нәтиже екі рет көрсетілген'));
  if (!outcomes.has(definition.otherwise.outcome))
    add('.otherwise.outcome', t(`outcome ${definition.otherwise.outcome} is not in outcomes`, `исхода ${definition.otherwise.outcome} нет в outcomes`, `${definition.otherwise.outcome} нәтижесі outcomes ішінде жоқ`));
  definition.otherwise.reasons.forEach((reason, i) => {
    checkPoint(reason.point, state, `.otherwise.reasons.${i}.point`, add);
    for (const name of messageArguments(reason.message, `.otherwise.reasons.${i}.message`, add))
      if (!facts.has(name)) add(`.otherwise.reasons.${i}.message`, t(`{${name}} is not a fact of ${question}`, `{${name}} не является фактом ${question}`, `{${name}} ${question} фактісі емес`));
  });
  const names = new Set<string>();
  definition.rules.forEach((rule, i) => {
    const where = `.rules.${i}`;
    if (names.has(rule.name)) add(`${where}.name`, t(`two rules are named "${rule.name}"`, `два правила названы "${rule.name}"`, `екі ереже "${rule.name}" деп аталған`));
    names.add(rule.name);
    checkRule(rule, { facts, state, versionId, outcomes, add: (w, m) => add(where + w, m) });
  });
}

/** The values an ICU message uses; a message that is not valid ICU MessageFormat is a problem. */
function messageArguments(message: Text, where: string, add: Add): string[] {
  const found = argumentsOf(message);
  if ('names' in found) return found.names;
  const { language, message: why } = found.error;
  add(`${where}.${language}`, t(`is not a valid ICU message: ${why}`, `не является корректным сообщением ICU: ${why}`, `дұрыс ICU хабарламасы емес: ${why}`));
  return [];
}

type Context = { facts: Set<string>; state: State; versionId: string; outcomes: Set<string>; add: Add };

function checkRule(rule: RuleDoc, context: Context): void {
  const { facts, state, versionId, outcomes, add } = context;
  for (const point of citedPoints(rule.name) ?? []) checkPoint(point, state, '.name', add);
  if (!outcomes.has(rule.event.type)) add('.event.type', t(`${rule.event.type} is not one of the outcomes`, `${rule.event.type} не входит в исходы`, `${rule.event.type} нәтижелердің бірі емес`));
  checkPoint(rule.event.params.point, state, '.event.params.point', add);
  const labels = new Set<string>();
  walk(rule.conditions, '.conditions', () => {}, (leaf, where) => checkLeaf(leaf, where, context, labels));
  for (const name of messageArguments(rule.event.params.message, '.event.params.message', add))
    if (!facts.has(name) && !labels.has(name))
      add(
        '.event.params.message',
        t(`{${name}} is neither a fact of the question nor a label (as) of the rule`, `{${name}} не является ни фактом вопроса, ни меткой (as) правила`, `{${name}} сұрақтың фактісі де, ереженің белгісі (as) де емес`),
      );
  let resolved: RuleDoc;
  try {
    resolved = substitute(rule, (ref) => resolveParam(ref, state.parameters));
  } catch (error) {
    const message = `${(error as Error).message} under ${versionId}`;
    return add('', t(message, message, message));
  }
  walk(resolved.conditions, '.conditions', () => {}, (leaf, where) => checkResolvedLeaf(leaf, where, context));
  try {
    buildEngine([resolved], {});
  } catch (error) {
    const message = `json-rules-engine refuses it: ${(error as Error).message}`;
    add('', t(message, `json-rules-engine его не принимает: ${(error as Error).message}`, `json-rules-engine оны қабылдамайды: ${(error as Error).message}`));
  }
}

function checkLeaf(leaf: Leaf, where: string, { facts, state, add }: Context, labels: Set<string>): void {
  for (const point of citedPoints(leaf.name) ?? []) {
    checkPoint(point, state, `${where}.name`, add);
    // A condition applies its point: with the wording unknown it would apply an invented one.
    const since = state.points[point]?.since;
    if (state.points[point]?.unknown)
      add(`${where}.name`, t(`applies ${point}, whose wording is unknown in ${since}`, `применяет ${point}, текст которого в ${since} неизвестен`, `${since} редакциясында мәтіні белгісіз ${point} тармағын қолданады`));
  }
  const value = leaf.value as { fact?: unknown; params?: unknown } | undefined;
  for (const [fact, params, at] of [
    [leaf.fact, leaf.params, `${where}.fact`],
    ...(typeof value === 'object' && value !== null && 'fact' in value ? [[value.fact, value.params, `${where}.value.fact`]] : []),
  ] as [unknown, Record<string, unknown> | undefined, string][]) {
    if (typeof fact !== 'string' || (!facts.has(fact) && !COMPUTED_FACTS.includes(fact)))
      add(at, t(`${String(fact)} is not a fact of this question`, `${String(fact)} не является фактом этого вопроса`, `${String(fact)} бұл сұрақтың фактісі емес`));
    if (fact === 'scaled' && typeof params?.as === 'string') labels.add(params.as);
    if (fact === 'reading') {
      const name = String(params?.parameter);
      const entry = state.parameters[name];
      if (!entry?.open) add(at, t(`reading ${name} is not an open-question parameter`, `reading ${name} не является параметром открытого вопроса`, `reading ${name} ашық сұрақ параметрі емес`));
      else if (!entry.options?.some((o) => sameValue(o.value, leaf.value)))
        add(`${where}.value`, t(`${String(leaf.value)} is not an option of ${name}`, `${String(leaf.value)} не является вариантом ${name}`, `${String(leaf.value)} — ${name} нұсқасы емес`));
    }
  }
}

/** After substitution: the operator is known, and `scaled` multiplies known facts by an integer. */
function checkResolvedLeaf(leaf: Leaf, where: string, { facts, add }: Context): void {
  if (!OPERATORS.includes(leaf.operator as string))
    add(`${where}.operator`, t(`${String(leaf.operator)} is not an operator (${OPERATORS.join(', ')})`, `${String(leaf.operator)} не является оператором (${OPERATORS.join(', ')})`, `${String(leaf.operator)} оператор емес (${OPERATORS.join(', ')})`));
  const value = leaf.value as { fact?: unknown; params?: Record<string, unknown> } | undefined;
  const scaled = [leaf.fact === 'scaled' ? leaf.params : undefined, value?.fact === 'scaled' ? value.params : undefined];
  for (const params of scaled as (Record<string, unknown> | undefined)[]) {
    if (!params) continue;
    const named = [params.fact].flat();
    const less = params.less === undefined ? [] : params.less;
    if (!Array.isArray(less) || !less.every((f) => typeof f === 'string' && facts.has(f)))
      add(where, t(`scaled: less ${String(params.less)} is not a list of facts of this question`, `scaled: less ${String(params.less)} не является списком фактов этого вопроса`, `scaled: less ${String(params.less)} бұл сұрақтың фактілер тізімі емес`));
    if (!named.length || !named.every((f) => typeof f === 'string' && facts.has(f)))
      add(where, t(`scaled: ${String(params.fact)} is not a fact (or list of facts) of this question`, `scaled: ${String(params.fact)} не является фактом (или списком фактов) этого вопроса`, `scaled: ${String(params.fact)} бұл сұрақтың фактісі (не фактілер тізімі) емес`));
    if (!Number.isSafeInteger(params.by) || (params.by as number) < 0)
      add(where, t(`scaled: by ${String(params.by)} is not a whole number`, `scaled: by ${String(params.by)} не является целым числом`, `scaled: by ${String(params.by)} бүтін сан емес`));
  }
}

/** The one error for law data that cannot be used, listing every problem. */
export function invalidLawData(problems: Problem[]): KenesError {
  const list = (language: keyof Text) => problems.map((p) => `- ${p.where}: ${p.message[language]}`).join('\n');
  const n = problems.length;
  return new KenesError(
    'invalid-law-data',
    {
      kk: `Заң деректері жарамсыз (${n} қате):\n${list('kk')}`,
      ru: `Данные закона неверны (ошибок: ${n}):\n${list('ru')}`,
      en: `The law data is invalid (${n} problem${n === 1 ? '' : 's'}):\n${list('en')}`,
    },
    { details: problems.map((p) => ({ field: p.where, code: 'invalid-law-data', message: p.message })) },
  );
}
