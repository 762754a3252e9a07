/** Catalogue keys of the open data vocabularies. */
export const themeKey = (code: string) => `opendata.themes.${code}`;
export const frequencyKey = (code: string) => `opendata.frequencies.${code}`;
export const licenceKey = (id: string) => `opendata.licences.${id}`;
