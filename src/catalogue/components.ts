/** The catalogue's view components other areas may embed (the home page, search results). */
export { PersonaChooser } from "./views/BrowsePages.js";
export { maturityColour, maturityKey } from "./views/labels.js";
export { ServiceList } from "./views/ServiceList.js";
