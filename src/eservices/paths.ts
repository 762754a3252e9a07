/** Where an applicant follows a request. */
export const requestPath = (reference: string) => `/my/requests/${reference}`;

/** Where an officer works on a case. */
export const casePath = (reference: string) => `/workspace/cases/${reference}`;

/** Where an uploaded file is opened (access checked on every request). */
export const filePath = (id: string) => `/files/${id}`;
