/** The catalogue's view components other areas may embed (the home page, search results, the workspace's previews). */

export { AgencyPage } from "./views/AgencyPages.js";
export { EventPage, NewsPage } from "./views/ArticlePages.js";
export { PersonaChooser } from "./views/BrowsePages.js";
export { channelKey, maturityColour, maturityKey } from "./views/labels.js";
export { ServiceFacts } from "./views/ServiceFacts.js";
export { ServiceList } from "./views/ServiceList.js";
export { ServicePage } from "./views/ServicePage.js";
