/** The addresses of a person's appointment pages (language-neutral; localizePath adds /en). */
export const myAppointmentsPath = "/my/appointments";

export const appointmentPaths = {
  page: (id: string) => `${myAppointmentsPath}/${id}`,
  calendar: (id: string) => `${myAppointmentsPath}/${id}/calendar.ics`,
  move: (id: string) => `${myAppointmentsPath}/${id}/move`,
  cancel: (id: string) => `${myAppointmentsPath}/${id}/cancel`,
};

/** The counter's check-in page, which the QR code on a booking opens for staff (the staff's workspace serves it). */
export function checkInUrl(baseUrl: string, checkInCode: string): string {
  return `${baseUrl}/workspace/appointments/check-in?code=${encodeURIComponent(checkInCode)}`;
}
