/** Every table of the portal, gathered for drizzle-kit, which generates the migrations in drizzle/. */
export * from "./accounts/tables.js";
export * from "./analytics/tables.js";
export * from "./audit/tables.js";
export * from "./catalogue/tables.js";
export * from "./documents/tables.js";
export * from "./eservices/tables.js";
export * from "./feedback/tables.js";
export * from "./idp/tables.js";
export * from "./notifications/tables.js";
export * from "./participation/tables.js";
export * from "./payments/tables.js";
export * from "./platform/db/tables.js";
export * from "./platform/messaging/tables.js";
export * from "./sandbox-gateway/tables.js";
export * from "./sandbox-registries/tables.js";
export * from "./search/tables.js";
