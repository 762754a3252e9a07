import { PDFDocument, rgb, StandardFonts } from "pdf-lib";

/**
 * A printable application form for a demo service: the service and agency
 * names and the usual fields with lines to write on. The standard PDF fonts
 * carry Latin text only, so the demo forms are in English; the online form
 * and the service page are in both languages.
 */
export async function makeFormPdf(form: { title: string; service: string; agency: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(form.title);
  pdf.setAuthor(form.agency);
  pdf.setSubject(form.service);
  pdf.setLanguage("en");
  const page = pdf.addPage([595, 842]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const maroon = rgb(0.54, 0.08, 0.22);
  page.drawRectangle({ x: 0, y: 812, width: 595, height: 30, color: maroon });
  page.drawText(form.agency, { x: 48, y: 822, size: 11, font: bold, color: rgb(1, 1, 1) });
  page.drawText(form.title, { x: 48, y: 760, size: 18, font: bold });
  page.drawText(`Service: ${form.service}`, { x: 48, y: 736, size: 11, font: regular });
  const fields = [
    "Full name",
    "Qatari ID or passport number",
    "Nationality",
    "Mobile number",
    "Email address",
    "Address (zone, street, building)",
    "Details of the request",
    "",
    "",
    "Date",
    "Signature",
  ];
  let y = 690;
  for (const label of fields) {
    if (label) page.drawText(label, { x: 48, y, size: 11, font: regular });
    page.drawLine({ start: { x: 48, y: y - 18 }, end: { x: 547, y: y - 18 }, thickness: 0.7, color: rgb(0.4, 0.4, 0.45) });
    y -= 50;
  }
  page.drawText("Send the completed form with your documents to the agency, or apply online at Hukoomi.", {
    x: 48,
    y: 90,
    size: 10,
    font: regular,
  });
  return pdf.save();
}
