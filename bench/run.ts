/** Runs every benchmark in turn; each prints its figures as a Markdown table. */
await import("./catalogue.js");
await import("./search.js");
await import("./eservices.js");
await import("./appointments.js");
