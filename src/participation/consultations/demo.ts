import { randomUUID } from "node:crypto";
import { createUser } from "../../accounts/service.js";
import type { Db } from "../../platform/db/client.js";
import { commentReports, consultationComments } from "../tables.js";
import {
  type CommentStatus,
  createConsultation,
  publishResponse,
  REPORTS_TO_HOLD,
  type SectionInput,
  sectionsOf,
} from "./repository.js";

/** The demo's author and moderator of record (no account behind it). */
const DEMO_STAFF = "00000000-0000-4000-8000-00000000c0a1";

/** People who commented in the demo: accounts without a password (nobody signs in as them). */
const commenters = [
  { key: "khalid", nameAr: "خالد حمد المهندي", nameEn: "Khalid Hamad Al-Muhannadi", nationality: "QA", residency: "citizen" },
  { key: "fatima", nameAr: "فاطمة يوسف الأنصاري", nameEn: "Fatima Yousef Al-Ansari", nationality: "QA", residency: "citizen" },
  { key: "priya", nameAr: "بريا ناير", nameEn: "Priya Nair", nationality: "IN", residency: "resident" },
  { key: "ravi", nameAr: "رافي شانكار", nameEn: "Ravi Shankar", nationality: "IN", residency: "resident" },
  { key: "omar", nameAr: "عمر سامي حسن", nameEn: "Omar Sami Hassan", nationality: "EG", residency: "resident" },
] as const;
type Commenter = (typeof commenters)[number]["key"];

interface DemoComment {
  section: number;
  by: Commenter;
  body: string;
  status?: CommentStatus;
  reportedBy?: Commenter[];
  /** Days after the consultation opened. */
  day: number;
}

const scooterSections: SectionInput[] = [
  {
    headingAr: "الغرض ونطاق التطبيق",
    headingEn: "Purpose and scope",
    bodyAr:
      "تسري هذه اللائحة على كل شركة تؤجّر الدراجات الكهربائية للرحلات القصيرة في الأماكن العامة، وعلى كل من يستخدمها.\n\nولا تشمل الدراجات المملوكة ملكية خاصة، التي تظل خاضعة لقانون المرور، ولا أجهزة التنقل التي يستخدمها الأشخاص ذوو الإعاقة.",
    bodyEn:
      "This regulation applies to every company that rents out electric scooters for short trips in public spaces, and to everyone who rides them.\n\nIt does not cover privately owned scooters, which remain subject to the traffic law, or mobility devices used by people with disabilities.",
  },
  {
    headingAr: "ترخيص الشركات المشغّلة",
    headingEn: "Licensing of operators",
    bodyAr:
      "يحتاج المشغّل إلى ترخيص من الوزارة لكل بلدية يقدّم فيها الخدمة، ومدة الترخيص سنتان قابلة للتجديد.\n\nيحدد كل ترخيص الحد الأقصى لعدد الدراجات التي يجوز للمشغّل توزيعها في كل منطقة، وللوزارة أن تخفض هذا العدد إذا أعاقت الدراجات الأرصفة أو تُركت في غير أماكنها.\n\nوعلى المشغّلين مشاركة بيانات الرحلات مجهولة الهوية مع الوزارة شهريًا، لتخطيط مسارات الدراجات ومواقفها حيث تدعو الحاجة.",
    bodyEn:
      "An operator needs a licence from the Ministry for each municipality it serves. A licence lasts two years and may be renewed.\n\nEach licence sets the largest number of scooters the operator may place in each district. The Ministry may lower that number when scooters block pavements or are left in the wrong places.\n\nOperators must share anonymised trip data with the Ministry every month, so that cycle lanes and parking bays can be planned where they are needed.",
  },
  {
    headingAr: "أماكن القيادة والوقوف",
    headingEn: "Where scooters may be ridden and parked",
    bodyAr:
      "يُسمح بقيادة الدراجات على مسارات الدراجات وعلى الطرق التي لا تتجاوز السرعة القصوى فيها 50 كم/ساعة، ولا يُسمح بقيادتها على الأرصفة، ولا داخل الحدائق خارج المسارات المحددة، ولا على ممشى الكورنيش.\n\nلا يجوز إيقاف الدراجات إلا في المواقف المخصصة لها، ولا تنتهي الرحلة خارج الموقف؛ إذ يستمر تطبيق المشغّل في احتساب الأجرة حتى تُوقف الدراجة في مكانها الصحيح.",
    bodyEn:
      "Scooters may be ridden on cycle lanes and on roads with a speed limit of 50 km/h or less. They may not be ridden on pavements, in parks outside marked paths, or on the Corniche promenade.\n\nScooters may be parked only in marked bays. A trip cannot end outside a bay: the operator’s app keeps charging until the scooter is parked properly.",
  },
  {
    headingAr: "سلامة المستخدمين والمشاة",
    headingEn: "Safety of riders and pedestrians",
    bodyAr:
      "يجب ألا يقل عمر المستخدم عن 16 سنة. ويُنصح الجميع بارتداء الخوذة، وهي إلزامية لمن هم دون 18 سنة.\n\nتُحدَّد سرعة الدراجات بـ 20 كم/ساعة، وبـ 10 كم/ساعة في المناطق التي تحددها الوزارة بوصفها مزدحمة بالمشاة. ولا يجوز أن يركب الدراجة أكثر من شخص واحد.\n\nوعلى المشغّلين فحص مكابح كل دراجة وأضوائها مرة أسبوعيًا على الأقل، وسحب الدراجات التالفة خلال 24 ساعة من الإبلاغ عنها.",
    bodyEn:
      "Riders must be at least 16 years old. Helmets are recommended for everyone and required for riders under 18.\n\nScooters are limited to 20 km/h, and to 10 km/h in zones the Ministry marks as busy with pedestrians. Only one person may ride a scooter at a time.\n\nOperators must check every scooter’s brakes and lights at least once a week and remove damaged scooters within 24 hours of a report.",
  },
  {
    headingAr: "التفتيش والمخالفات",
    headingEn: "Inspections and penalties",
    bodyAr:
      "يحق لمفتشي البلدية رفع الدراجات المتروكة خارج المواقف، وتحصيل رسم من المشغّل عن كل دراجة.\n\nويجوز خفض عدد دراجات المشغّل الذي يكرر المخالفات أو إيقاف ترخيصه، كما يجوز منع المستخدم المخالف من الاستئجار مدة تصل إلى 30 يومًا.",
    bodyEn:
      "Municipal inspectors may remove scooters left outside bays and charge the operator a fee for each one.\n\nAn operator that repeatedly breaks the rules may have its fleet reduced or its licence suspended. Riders who break the rules may be barred from renting for up to 30 days.",
  },
];

const scooterComments: DemoComment[] = [
  {
    section: 2,
    by: "ravi",
    day: 1,
    body: "Monthly trip data is a good idea. Will the Ministry publish a summary of it as open data, so that residents can see which districts use scooters most?",
  },
  {
    section: 3,
    by: "khalid",
    day: 2,
    body: "أؤيد منع القيادة على الأرصفة، لكن كثيرًا من الأحياء لا توجد فيها مسارات للدراجات بعد.\n\nأقترح أن يعرض التطبيق خريطة بالطرق المسموح بها قبل بدء الرحلة.",
  },
  {
    section: 3,
    by: "priya",
    day: 3,
    body: "Please make sure parking bays are not placed on narrow pavements. Parents with prams and wheelchair users already struggle to get past parked scooters.",
  },
  {
    section: 4,
    by: "fatima",
    day: 4,
    body: "الحد الأدنى للعمر مناسب، وأتمنى أن تكون الخوذة إلزامية للجميع وليس لمن هم دون 18 سنة فقط.",
  },
  {
    section: 4,
    by: "omar",
    day: 5,
    status: "held",
    reportedBy: ["khalid", "fatima", "priya"],
    body: "Best scooter deals in town!!! Message us for discount codes and free rides.",
  },
  {
    section: 5,
    by: "khalid",
    day: 6,
    status: "approved",
    reportedBy: ["ravi"],
    body: "يجب أن يكون رسم رفع الدراجة مرتفعًا بما يكفي ليحرص المشغّل فعلًا على حل المشكلة، وإلا سيعدّه جزءًا من تكاليف التشغيل.",
  },
];

const canteenSections: SectionInput[] = [
  {
    headingAr: "ما يجوز للمقاصف بيعه",
    headingEn: "What canteens may sell",
    bodyAr:
      "ينبغي أن توفر المقاصف يوميًا الفاكهة الطازجة والخضروات والحبوب الكاملة والماء، ويُوقف بيع المشروبات المحلاة ومشروبات الطاقة والوجبات الخفيفة المقلية.\n\nويظل بإمكان المدارس إقامة فعاليات متفرقة، كاحتفالات اليوم الوطني، تُقدَّم فيها أطعمة أخرى.",
    bodyEn:
      "Canteens should offer fresh fruit, vegetables, whole grains and water every day. Sweetened drinks, energy drinks and fried snacks would no longer be sold.\n\nSchools may still hold occasional events, such as National Day celebrations, with other food.",
  },
  {
    headingAr: "بيان المكونات وأحجام الحصص",
    headingEn: "Labels and portion sizes",
    bodyAr:
      "ينبغي أن يُبيَّن لكل صنف عدد سعراته الحرارية واحتواؤه على مسببات الحساسية الشائعة، باللغتين العربية والإنجليزية، في مكان يراه الطلاب قبل الشراء.\n\nوأن تكون حصص طلاب المرحلة الابتدائية أصغر من حصص طلاب المرحلة الثانوية.",
    bodyEn:
      "Every item should show its calories and whether it contains common allergens, in Arabic and English, where pupils can see them before buying.\n\nPortions for primary pupils should be smaller than those for secondary pupils.",
  },
  {
    headingAr: "حدود السكر والملح",
    headingEn: "Sugar and salt limits",
    bodyAr:
      "ينبغي ألا يحتوي أي صنف على أكثر من 10 غرامات من السكر المضاف أو نصف غرام من الملح في الحصة الواحدة، على أن تُطبَّق هذه الحدود من بداية العام الدراسي التالي لمنح الموردين وقتًا لتعديل وصفاتهم.",
    bodyEn:
      "No item should contain more than 10 grams of added sugar or half a gram of salt per portion. The limits would apply from the start of the next school year, giving suppliers time to change their recipes.",
  },
];

const canteenComments: DemoComment[] = [
  {
    section: 1,
    by: "fatima",
    day: 2,
    body: "فكرة ممتازة، لكن أرجو ألا ترتفع الأسعار؛ فالفاكهة الطازجة أغلى عادةً من الوجبات الخفيفة.",
  },
  {
    section: 1,
    by: "omar",
    day: 3,
    status: "hidden",
    reportedBy: ["fatima", "priya", "ravi"],
    body: "Visit our online shop for cheap protein bars, delivered to any school.",
  },
  {
    section: 2,
    by: "priya",
    day: 5,
    status: "approved",
    body: "Allergen labels matter a lot to us. My son has a nut allergy, and today we simply cannot know what is safe for him to buy.",
  },
  {
    section: 3,
    by: "ravi",
    day: 9,
    body: "One school year is enough notice. Suppliers already sell lower-sugar versions of the same products in other countries.",
  },
];

const canteenResponse = {
  ar: "شكرًا لكل من شارك في هذا التشاور؛ فقد قرأنا كل التعليقات.\n\nما سمعناه: يؤيد أغلب المشاركين مقاصف مدرسية أكثر صحة، لكن كثيرين أبدوا قلقهم من ارتفاع الأسعار ومن نفاد الأطعمة الطازجة في وقت مبكر من اليوم الدراسي. وطلب أولياء أمور الأطفال المصابين بالحساسية بيانًا أوضح للمكونات.\n\nما سنفعله: ستُحدَّد أسعار الفاكهة الطازجة والماء بما لا يتجاوز السعر الحالي للوجبات الخفيفة التي تحل محلها، وسيُلزَم كل مقصف بتوفير كميات تكفي اليوم الدراسي كاملًا. وسيُبيَّن وجود مسببات الحساسية بالصور إلى جانب الكلمات ليفهمها الطلاب الأصغر سنًا. وتبقى حدود السكر والملح كما اقتُرحت، وتُطبَّق من بداية العام الدراسي المقبل.",
  en: "Thank you to everyone who took part in this consultation. We read every comment.\n\nWhat we heard: most people support healthier school canteens, but many worried that prices would rise and that fresh food would run out early in the school day. Parents of children with allergies asked for clearer labels.\n\nWhat we will do: the price of fresh fruit and water will be capped at the current price of the snacks they replace, and every canteen will have to stock enough for the whole school day. Allergens will be shown with pictures as well as words, so that younger pupils can recognise them. The sugar and salt limits stay as proposed and apply from the start of the next school year.",
};

const day = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000);

async function addComments(
  tx: Db,
  consultationId: string,
  sectionIds: string[],
  opensAt: Date,
  comments: DemoComment[],
  people: Map<string, string>,
) {
  for (const c of comments) {
    const id = randomUUID();
    const createdAt = new Date(day(opensAt, c.day).getTime() + 3_600_000 * (9 + c.section));
    const status = c.status ?? "published";
    const moderated = status === "approved" || status === "hidden";
    await tx.insert(consultationComments).values({
      id,
      consultationId,
      sectionId: sectionIds[c.section - 1] ?? "",
      userId: people.get(c.by) ?? DEMO_STAFF,
      body: c.body,
      status,
      reports: c.reportedBy?.length ?? 0,
      moderatedBy: moderated ? DEMO_STAFF : null,
      moderatedAt: moderated ? day(createdAt, 1) : null,
      createdAt,
    });
    for (const who of c.reportedBy ?? []) {
      await tx
        .insert(commentReports)
        .values({ commentId: id, userId: people.get(who) ?? randomUUID(), createdAt: day(createdAt, 0.5) });
    }
  }
}

/**
 * The demo's consultations: a draft regulation on shared e-scooters, open,
 * with comments (one held after REPORTS_TO_HOLD reports); and draft canteen
 * guidelines, closed, with comments and the agency's published response.
 */
export async function loadDemoConsultations(tx: Db, now: Date): Promise<void> {
  const people = new Map<string, string>();
  for (const [i, p] of commenters.entries()) {
    const user = await createUser(tx, {
      email: `${p.key}.consultations@demo.hukoomi.example`,
      nameAr: p.nameAr,
      nameEn: p.nameEn,
      nationality: p.nationality,
      residency: p.residency,
      phone: `+9745550${String(900 + i).padStart(4, "0")}`,
      locale: p.nationality === "QA" ? "ar" : "en",
    });
    people.set(p.key, user.id);
  }
  if ((scooterComments.find((c) => c.status === "held")?.reportedBy?.length ?? 0) < REPORTS_TO_HOLD) {
    throw new Error("the held demo comment needs enough reports");
  }

  const scooterOpens = day(now, -10);
  const scooters = await createConsultation(
    tx,
    {
      agency: "ministry-of-municipality",
      titleAr: "مسودة لائحة تنظيم الدراجات الكهربائية المشتركة في الأماكن العامة",
      titleEn: "Draft regulation on shared e-scooters in public spaces",
      summaryAr:
        "أصبحت الدراجات الكهربائية المشتركة متاحة في عدد من المناطق. تحدد هذه المسودة الجهات التي يحق لها تقديم الخدمة، والأماكن التي يُسمح فيها بقيادة الدراجات وإيقافها، وكيف نحافظ على سلامة المستخدمين والمشاة. شاركنا رأيك في كل قسم قبل انتهاء فترة التشاور.",
      summaryEn:
        "Shared e-scooters are now available in several districts. This draft sets out who may offer them, where they may be ridden and parked, and how riders and pedestrians are kept safe. Tell us what you think of each section before the consultation closes.",
      opensAt: scooterOpens,
      closesAt: day(now, 20),
      sections: scooterSections,
    },
    { createdBy: DEMO_STAFF, publish: true, slug: "shared-e-scooters-draft-regulation" },
  );

  const canteenOpens = day(now, -80);
  const canteens = await createConsultation(
    tx,
    {
      agency: "ministry-of-public-health",
      titleAr: "مسودة إرشادات الغذاء الصحي في المقاصف المدرسية",
      titleEn: "Draft guidelines for healthy food in school canteens",
      summaryAr:
        "إرشادات مقترحة بشأن ما تبيعه المقاصف في المدارس الحكومية والخاصة، وطريقة بيان مكونات الأغذية، والحد الأقصى لما تحتويه من سكر وملح.",
      summaryEn:
        "Proposed guidelines on what canteens in public and private schools sell, how food is labelled, and how much sugar and salt it may contain.",
      opensAt: canteenOpens,
      closesAt: day(now, -35),
      sections: canteenSections,
    },
    { createdBy: DEMO_STAFF, publish: true, slug: "healthy-school-canteens-draft-guidelines" },
  );

  const sectionIds = async (id: string) => (await sectionsOf(tx, id)).map((s) => s.id);
  await addComments(tx, scooters.id, await sectionIds(scooters.id), scooterOpens, scooterComments, people);
  await addComments(tx, canteens.id, await sectionIds(canteens.id), canteenOpens, canteenComments, people);
  await publishResponse(tx, canteens.id, canteenResponse, day(now, -7));
}
