/** The registries' HTTP connector, which the server makes once and closes with the app (e-services' prefill reads through it). */
export { HttpRegistryConnector } from "./http.js";
export type { RegistryConnector } from "./registry.js";
