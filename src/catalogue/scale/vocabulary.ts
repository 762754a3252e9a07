/**
 * Word banks for the scale generator: bilingual building blocks that
 * combine into plausible agency and service names. Written for this project.
 */
export type Pair = readonly [en: string, ar: string];

export const domains: Pair[] = [
  ["Water Resources", "الموارد المائية"],
  ["Maritime Affairs", "الشؤون البحرية"],
  ["Agriculture", "الزراعة"],
  ["Fisheries", "الثروة السمكية"],
  ["Animal Health", "صحة الحيوان"],
  ["Urban Planning", "التخطيط العمراني"],
  ["Roads", "الطرق"],
  ["Parks", "الحدائق العامة"],
  ["Public Cleanliness", "النظافة العامة"],
  ["Food Safety", "سلامة الغذاء"],
  ["Consumer Protection", "حماية المستهلك"],
  ["Industrial Development", "التنمية الصناعية"],
  ["Energy Efficiency", "كفاءة الطاقة"],
  ["Radiation Protection", "الوقاية من الإشعاع"],
  ["Heritage", "التراث"],
  ["Museums", "المتاحف"],
  ["Youth Affairs", "شؤون الشباب"],
  ["Family Affairs", "شؤون الأسرة"],
  ["Elderly Care", "رعاية كبار السن"],
  ["Disability Services", "خدمات ذوي الإعاقة"],
  ["Vocational Training", "التدريب المهني"],
  ["Early Education", "التعليم المبكر"],
  ["Higher Education", "التعليم العالي"],
  ["Scientific Research", "البحث العلمي"],
  ["Public Libraries", "المكتبات العامة"],
  ["Civil Registry", "السجل المدني"],
  ["Land Registration", "التسجيل العقاري"],
  ["Building Control", "الرقابة على المباني"],
  ["Environmental Inspection", "التفتيش البيئي"],
  ["Wildlife Protection", "حماية الحياة الفطرية"],
  ["Transport Licensing", "ترخيص النقل"],
  ["Ports", "الموانئ"],
  ["Statistics", "الإحصاء"],
  ["Standards and Metrology", "المواصفات والمقاييس"],
  ["Charitable Work", "العمل الخيري"],
  ["Sports Facilities", "المنشآت الرياضية"],
  ["Tourism Licensing", "الترخيص السياحي"],
  ["Media Licensing", "ترخيص الإعلام"],
  ["Postal Services", "الخدمات البريدية"],
  ["Digital Government", "الحكومة الرقمية"],
];

export const regions: Pair[] = [
  ["Doha", "الدوحة"],
  ["Al Rayyan", "الريان"],
  ["Al Wakrah", "الوكرة"],
  ["Al Khor", "الخور"],
  ["Al Shamal", "الشمال"],
  ["Umm Salal", "أم صلال"],
  ["Al Daayen", "الضعاين"],
  ["Al Shahaniya", "الشيحانية"],
  ["Lusail", "لوسيل"],
  ["Mesaieed", "مسيعيد"],
  ["Dukhan", "دخان"],
  ["Ras Laffan", "راس لفان"],
];

/** Kinds of agency, with the way each names itself. */
export const agencyForms: {
  type: "ministry" | "authority" | "council" | "public-company";
  en: (d: string, r: string) => string;
  ar: (d: string, r: string) => string;
}[] = [
  { type: "authority", en: (d, r) => `${d} Department, ${r}`, ar: (d, r) => `إدارة ${d} في ${r}` },
  { type: "authority", en: (d, r) => `${r} Office for ${d}`, ar: (d, r) => `مكتب ${d} في ${r}` },
  { type: "council", en: (d, r) => `${r} Council for ${d}`, ar: (d, r) => `مجلس ${d} في ${r}` },
  { type: "public-company", en: (d, r) => `${r} ${d} Company`, ar: (d, r) => `شركة ${d} في ${r}` },
];

/** What a service does; "{x}" stands for what it is about (with its article). */
export const actions: Pair[] = [
  ["Issue {x}", "إصدار"],
  ["Renew {x}", "تجديد"],
  ["Cancel {x}", "إلغاء"],
  ["Amend {x}", "تعديل"],
  ["Replace {x} that was lost", "بدل فاقد"],
  ["Transfer {x}", "نقل"],
  ["Extend {x}", "تمديد"],
  ["Check the status of {x}", "الاستعلام عن"],
  ["Apply for {x}", "طلب"],
  ["Register {x}", "تسجيل"],
];

export const objects: Pair[] = [
  ["licence", "ترخيص"],
  ["permit", "تصريح"],
  ["certificate", "شهادة"],
  ["card", "بطاقة"],
  ["registration", "قيد"],
  ["approval", "موافقة"],
  ["inspection visit", "زيارة تفتيش"],
  ["exemption", "إعفاء"],
  ["membership", "عضوية"],
  ["grant", "منحة"],
];
