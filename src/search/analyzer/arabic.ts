import { normalize } from "../../platform/text/normalize.js";

/**
 * A light Arabic stemmer, written for the portal's vocabulary. It works on
 * normalised words (see platform/text/normalize: ة→ه, ى→ي, hamza seats folded)
 * and removes, in order:
 *
 * 1. the article and the clitics joined to it: وال، فال، بال، كال، لل، ال;
 * 2. a single joined conjunction or preposition (و، ف، ب، ك، ل) when what
 *    remains is long enough and the word is not a protected term (a word
 *    whose first letter only looks like a clitic: وزارة، بطاقة، فحص، لجنة…);
 * 3. pronoun suffixes (ي، ك، ها، نا، هم، كم، هن، كن، هما، كما، ني), restoring
 *    the teh marbuta that a suffix turns into teh (إقامتي → إقامة, رخصتي → رخصة);
 * 4. sound-plural and dual endings (ات، ون، ين، ان، تين، تان);
 * 5. the feminine ending (ة, written ه once normalised), so that singular,
 *    plural and suffixed forms meet on one stem.
 *
 * Broken plurals of the portal's key terms go through a lemma map
 * (تصاريح → تصريح, عمال → عامل); very short words are left alone.
 */

/** Words that start with و ف ب ك ل as part of the word, not as a clitic (normalised when loaded). */
export const protectedTerms = new Set(
  [
    "وزاره",
    "وزير",
    "وثيقه",
    "وثائق",
    "وظيفه",
    "وظائف",
    "وفاه",
    "ولاده",
    "وكاله",
    "وكيل",
    "وقف",
    "وصيه",
    "ورثه",
    "وقت",
    "وحده",
    "ورقه",
    "اوراق",
    "وطني",
    "وطنيه",
    "واجب",
    "وسيط",
    "وصول",
    "وصف",
    "ولي",
    "وافد",
    "وافدين",
    "والد",
    "والده",
    "وضع",
    "وسيله",
    "ورشه",
    "وديعه",
    "وجبه",
    "وارد",
    "واردات",
    "بطاقه",
    "بطاقات",
    "بلديه",
    "بنك",
    "بنوك",
    "بيانات",
    "بيان",
    "بريد",
    "بحث",
    "برنامج",
    "بناء",
    "بدل",
    "بلاغ",
    "بيع",
    "بطاله",
    "براءه",
    "بوابه",
    "بورصه",
    "بيئه",
    "بيئي",
    "بحري",
    "بحريه",
    "بحر",
    "بضائع",
    "بضاعه",
    "بيت",
    "بدايه",
    "بصمه",
    "باص",
    "باسبورت",
    "بكالوريوس",
    "بلد",
    "بلاد",
    "بنزين",
    "برج",
    "فحص",
    "فحوصات",
    "فاتوره",
    "فواتير",
    "فيزا",
    "فندق",
    "فنادق",
    "فرع",
    "فتره",
    "فعاليه",
    "فعاليات",
    "فئه",
    "فريق",
    "فني",
    "فنيه",
    "فقدان",
    "فقد",
    "فاقد",
    "فرد",
    "افراد",
    "فضاء",
    "فصل",
    "كهرباء",
    "كهربائي",
    "كفاله",
    "كفيل",
    "كليه",
    "كشف",
    "كتاب",
    "كرت",
    "كارت",
    "كارد",
    "كومسيون",
    "كلب",
    "كبار",
    "كويت",
    "كهربا",
    "كمبيوتر",
    "كاميرا",
    "لجنه",
    "لوحه",
    "لوحات",
    "لائحه",
    "لقاح",
    "لقاحات",
    "لغه",
    "لياقه",
    "ليسن",
    "لايسنس",
    "لاعب",
    "لجوء",
    "لحوم",
  ].map(normalize),
);

/** Broken plurals and irregular forms of key terms → their singular (normalised when loaded). */
const lemmaSource: Record<string, string> = {
  تصاريح: "تصريح",
  عمال: "عامل",
  رخص: "رخصه",
  وثائق: "وثيقه",
  اوراق: "ورقه",
  طلاب: "طالب",
  مدارس: "مدرسه",
  مكاتب: "مكتب",
  مراكز: "مركز",
  محاكم: "محكمه",
  قوانين: "قانون",
  شروط: "شرط",
  رسوم: "رسم",
  خدم: "خدمه",
  مواعيد: "موعد",
  اطفال: "طفل",
  ابناء: "ابن",
  اولاد: "ولد",
  مشاريع: "مشروع",
  شركات: "شركه",
  مساكن: "مسكن",
  اراضي: "ارض",
  سيارات: "سياره",
  مركبات: "مركبه",
  جوازات: "جواز",
  فواتير: "فاتوره",
  بضائع: "بضاعه",
  وظائف: "وظيفه",
  افراد: "فرد",
  موظفين: "موظف",
  مواطنين: "مواطن",
  مستندات: "مستند",
  شهادات: "شهاده",
  اجراءات: "اجراء",
  امراض: "مرض",
  ادويه: "دواء",
  اسر: "اسره",
  زوار: "زائر",
  مقيمين: "مقيم",
  تجار: "تاجر",
  اسواق: "سوق",
  محلات: "محل",
  مباني: "مبني",
  طرق: "طريق",
  شوارع: "شارع",
  حقوق: "حق",
  عقود: "عقد",
  قضايا: "قضيه",
  احكام: "حكم",
  مخالفات: "مخالفه",
  حوادث: "حادث",
  فنادق: "فندق",
  فحوصات: "فحص",
  لقاحات: "لقاح",
  بنوك: "بنك",
  دول: "دوله",
  مستشفيات: "مستشفي",
};

export const lemmas: Record<string, string> = Object.fromEntries(
  Object.entries(lemmaSource).map(([plural, singular]) => [normalize(plural), normalize(singular)]),
);

const ARTICLES = ["وال", "فال", "بال", "كال", "لل", "ال"];
const CLITICS = ["و", "ف", "ب", "ك", "ل"];
const PRONOUNS = ["هما", "كما", "ها", "نا", "هم", "كم", "هن", "كن", "ني", "ي", "ك"];
const PLURALS = ["تين", "تان", "ات", "ون", "ين", "ان"];
const MIN_STEM = 3;

function lemma(word: string): string {
  return lemmas[word] ?? word;
}

/** Stems of the protected terms, so their suffixed forms (بطاقتي، وزارات) are recognised too. */
let protectedStems: Set<string> | undefined;

function isProtected(word: string): boolean {
  if (protectedTerms.has(word)) return true;
  protectedStems ??= new Set([...protectedTerms].map((t) => stripSuffixes(t)));
  return protectedStems.has(stripSuffixes(word));
}

function stripArticle(word: string): string {
  for (const a of ARTICLES) {
    if (word.startsWith(a) && word.length - a.length >= MIN_STEM) return word.slice(a.length);
  }
  return word;
}

/** Removes the article (with its clitic), or else one joined conjunction or preposition. */
function stripPrefix(word: string, clitics: boolean): string {
  const bare = stripArticle(word);
  if (bare !== word || !clitics) return bare;
  if (isProtected(word) || lemmas[word]) return word;
  const rest = word.slice(1);
  if (CLITICS.includes(word.charAt(0)) && rest.length >= 3 && rest.charAt(0) !== word.charAt(0)) {
    return stripArticle(rest);
  }
  return word;
}

function stripSuffixes(word: string): string {
  let w = word;
  let hadPronoun = false;
  for (const p of PRONOUNS) {
    if (w.endsWith(p) && w.length - p.length >= MIN_STEM) {
      w = w.slice(0, -p.length);
      hadPronoun = true;
      break;
    }
  }
  // إقامتي → إقامت → إقامة: a feminine noun's teh marbuta turns into teh before a suffix.
  if (hadPronoun && w.endsWith("ت") && !w.endsWith("ات") && w.length >= 4) w = `${w.slice(0, -1)}ه`;
  w = lemma(w);
  // Plural endings, twice at most, so that a plural of a word ending like a plural (تأمينات) meets its singular (تأمين).
  for (let pass = 0; pass < 2; pass++) {
    const p = PLURALS.find((suffix) => w.endsWith(suffix) && w.length - suffix.length >= MIN_STEM);
    if (!p) break;
    w = w.slice(0, -p.length);
  }
  if (w.endsWith("ه") && w.length - 1 >= MIN_STEM) {
    w = w.slice(0, -1);
    // A nisba adjective's feminine (الشخصية → شخصي) meets its masculine (شخصي → شخص).
    if (w.endsWith("ي") && w.length - 1 >= MIN_STEM) w = w.slice(0, -1);
  }
  return w;
}

/**
 * The stem of one normalised Arabic word. With `clitics: false` a leading
 * و ف ب ك ل is never taken for a clitic (used as a second guess at query
 * time, when the first stem is not a word of the index).
 */
export function stemArabic(word: string, clitics = true): string {
  if (word.length <= 2) return word;
  const w = lemma(stripPrefix(lemma(word), clitics));
  return stripSuffixes(w);
}

/** Words too common to help a search (normalised spelling), including the dialect's question words. */
export const arabicStopWords = new Set(
  [
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "او",
    "ام",
    "ثم",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "كيف",
    "ما",
    "ماذا",
    "متي",
    "اين",
    "وين",
    "هل",
    "لي",
    "لك",
    "انا",
    "انت",
    "هو",
    "هي",
    "نحن",
    "اريد",
    "ابي",
    "ابغي",
    "ابغا",
    "ودي",
    "عايز",
    "بدي",
    "ممكن",
    "لو",
    "يا",
    "كل",
    "بعد",
    "قبل",
    "عند",
    "حتي",
    "اذا",
    "ان",
    "انه",
    "قد",
    "لا",
    "لم",
    "لن",
    "طريقه",
    "عشان",
    "علشان",
    "شلون",
    "كيفيه",
    // Gulf and Levantine function words: wanting, doing, having, asking
    "نبي",
    "نبغي",
    "نبغا",
    "ابا",
    "يبي",
    "تبي",
    "وش",
    "ايش",
    "شو",
    "اسوي",
    "نسوي",
    "عندي",
    "عندنا",
    "لدي",
    "الحين",
    "لازم",
    "كم",
    "بس",
    "مو",
    "مب",
    "ليش",
    "لماذا",
    "اللي",
    "هنا",
    "هناك",
  ].map(normalize),
);
