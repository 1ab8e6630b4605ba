/**
 * The words the parser reads section names, labels and table headers by. Kept
 * together so that docs/any-roadmap.md's list and the code cannot drift apart.
 */

/** Trims decoration a heading may carry: a leading emoji or number, a trailing colon. */
export function bareName(text: string): string {
  return text
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[\s:：.。!！]+$/u, '')
    .trim()
    .toLowerCase();
}

/**
 * Sections about the project rather than the subject: their lists, tables and
 * prose are never topics. Whole names, or a name followed by more words
 * ("How to contribute to this guide"). Usual translations where easy.
 */
const ADMIN = new RegExp(
  '^(?:' +
    [
      'contributing',
      'contribute',
      'contribution(?:s| guidelines?)?',
      'how to contribute',
      'contributors',
      'credits',
      'acknowledge?ments?',
      'thanks',
      'special thanks',
      'team',
      'the team',
      'instructors',
      'maintainers',
      'authors?',
      'sponsors?',
      'backers',
      'sponsors (?:and|&) backers',
      'support(?: (?:us|this project|the project))?',
      'donate',
      'donations?',
      'community',
      'licen[cs]e',
      'translations?',
      'other languages',
      'code of conduct',
      'faq',
      'faqs',
      'frequently asked questions',
      'how to use',
      'how to use (?:this|the) .*',
      'how to take',
      'how to take (?:this|the) .*',
      'how to show your progress',
      'table of contents?',
      'contents',
      'toc',
      'changelog',
      'change log',
      'changes',
      'about',
      'about (?:this|the|us|me) ?.*',
      'congratulations',
      '(?:curricular |curriculum |contribution |contributing )?guidelines?',
      // es / pt / fr / de / zh
      'contribuindo',
      'contribuir',
      'contribuições',
      'contribuição',
      'contribuciones',
      'licença',
      'licencia',
      'agradecimentos',
      'agradecimientos',
      'remerciements',
      'comunidade',
      'comunidad',
      'communauté',
      'traduções',
      'traducciones',
      'índice',
      'sumário',
      'tabla de contenidos?',
      'table des matières',
      'sommaire',
      'inhaltsverzeichnis',
      'lizenz',
      'mitwirken',
      'danksagung',
      '目录',
      '贡献',
      '贡献者',
      '致谢',
      '许可证?',
      '协议',
      '社区',
      '常见问题',
      '更新日志',
      '翻译',
    ].join('|') +
    ')$',
  'u',
);

export function isAdminName(text: string): boolean {
  return ADMIN.test(bareName(text));
}

/** Lists under these are prose about the plan, not things to study. */
const PROSE =
  /^(?:(?:learning |course )?(?:prerequisites?|pre-requisites?|requirements|objectives?|outcomes?|goals?|pros|cons|pros and cons|advantages|disadvantages|instructions|directions|principles|tips|advice|general advice)(?: (?:of|for) (?:this|the) .*)?|先修要求|前置知识|目标|优点|缺点|pré-requisitos|requisitos|objetivos|vantagens|desvantagens)$/u;

export function isProseLabel(text: string): boolean {
  return PROSE.test(bareName(text));
}

/** Lists under these are the resources of the topic or section above them. */
const RESOURCES =
  /^(?:(?:additional|extra|more|other|useful|learning|recommended|further) )?(?:resources?|references?|further reading|sources?|tutorials?|参考资料|资源|参考|延伸阅读|recursos|referências|referencias|leituras)$/u;

export function isResourceLabel(text: string): boolean {
  return RESOURCES.test(bareName(text));
}

/** `<summary>` texts that hide the item above rather than name a new one. */
const GENERIC_SUMMARY =
  /^(?:answer|answers|solution|solutions|hint|hints|explanation|show(?: .*)?|click(?: .*)?|see(?: .*)?|expand|details|more|output|result|code|spoiler|答案|解答|resposta|respuesta)$/u;

export function isGenericSummary(text: string): boolean {
  return GENERIC_SUMMARY.test(bareName(text));
}

/** A table header naming what a row is: then the rows are topics. */
const ITEM_COLUMN =
  /^(?:courses?|lessons?|days?|weeks?|modules?|topics?|chapters?|lectures?|units?|resources?|readings?|books?|papers?|videos?|projects?|activit(?:y|ies)|tasks?|exercises?|assignments?|problems?|questions?|steps?|class(?:es)?|sessions?|subjects?|skills?|tutorials?|课程|章节|主题|课|aula|aulas|curso|cursos|tema|temas|módulo|módulos)$/u;

export function isItemColumn(text: string): boolean {
  return ITEM_COLUMN.test(bareName(text));
}

/** A column for the learner's own marks: its presence says the rows are to be ticked off. */
const STATUS_COLUMN = /^(?:status|done|progress|completed?|finished|check|✅|✔️?|状态|完成|estado|concluído)$/u;

export function isStatusColumn(text: string): boolean {
  return STATUS_COLUMN.test(bareName(text)) || /^[✅✔☑]/u.test(text.trim());
}

/** A cell that says the row is done. */
export function isDoneCell(text: string): boolean {
  return /^(?:✅|✔️?|☑️?|\[[xX]\]|done|yes|completed?|finished|x)$/iu.test(text.trim());
}

/** Link texts that say what a link is, not what it is about: never a title. */
const GENERIC_LINK =
  /^(?:link|links|solution|solutions|article|video|here|watch|read|notes|slides|website|site|url|source|code|pdf|book|course|lecture|homepage|home|repo|github|youtube|click here|this page|more|details|链接.*|点击.*|这里)$/u;

export function isGenericLinkText(text: string): boolean {
  return GENERIC_LINK.test(bareName(text));
}
