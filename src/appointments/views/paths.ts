/** The booking journey's addresses (language-neutral), each carrying the e-service request it books for, when there is one. */
export const bookingPaths = {
  centres: (service: string, caseId?: string) => withCase(`/appointments/${service}`, caseId),
  days: (service: string, centre: string, caseId?: string) => withCase(`/appointments/${service}/${centre}`, caseId),
  times: (service: string, centre: string, day: string, caseId?: string) =>
    withCase(`/appointments/${service}/${centre}/${day}`, caseId),
  waitlist: (service: string, centre: string, day: string) => `/appointments/${service}/${centre}/${day}/waitlist`,
  held: (id: string) => `/appointments/held/${id}`,
  booked: (id: string) => `/appointments/booked/${id}`,
  /** My Hukoomi's page of one appointment (built by My Hukoomi's appointments). */
  mine: (id: string) => `/my/appointments/${id}`,
};

function withCase(path: string, caseId: string | undefined): string {
  return caseId ? `${path}?case=${encodeURIComponent(caseId)}` : path;
}
