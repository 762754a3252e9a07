import { z } from "zod";

/**
 * Every setting the portal reads from the environment, validated once at
 * start-up. Each variable is documented where it is declared; the README's
 * configuration table mirrors this list.
 */
/** The demo agency client's secret as the README and the demo agency app publish it: refused in production. */
export const PUBLISHED_DEMO_AGENCY_SECRET = "demo-agency-portal-secret";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  /** TCP port the HTTP server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface the HTTP server binds to; 0.0.0.0 to accept outside connections. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Folder of the embedded PGlite database, used when DATABASE_URL is not set. */
  DATA_DIR: z.string().min(1).default("./data"),
  /** Folder where files (downloadable forms, uploads) are kept, when STORAGE_DRIVER is local. */
  FILES_DIR: z.string().min(1).default("./data/files"),
  /** Where files are kept: "local" (FILES_DIR) or "s3" (an S3-compatible bucket, for instances on several machines). */
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  /** Address of an S3-compatible store such as MinIO; without it, AWS S3 itself. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Region of the bucket (signed into every request, so it must match the store's). */
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** Bucket of the portal's files; required when STORAGE_DRIVER is s3. */
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be 3 to 63 lower-case letters, digits, dots or hyphens")
    .optional(),
  /** Access key ID for the bucket; required when STORAGE_DRIVER is s3. */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  /** Secret access key for the bucket; required when STORAGE_DRIVER is s3. */
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Address buckets as endpoint/bucket rather than bucket.endpoint; defaults to true when S3_ENDPOINT is set, as most self-hosted stores need. */
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  /**
   * Load the demo content (agencies, services, news…) and the demo people into
   * an empty database on start. On by default outside production; in
   * production only with DEMONSTRATION=true, because the demo people's
   * password is published.
   */
  SEED_DEMO: booleanFlag.optional(),
  /**
   * This installation is a public demonstration: production mode may then load
   * the demo people (whose password is published) and register the demo
   * agency client. Never set it on a portal that serves real people.
   */
  DEMONSTRATION: booleanFlag.default(false),
  /** PostgreSQL connection URL (postgres://user@host:5432/db); when set, PGlite is not used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** Public address of the portal, used in absolute links, sitemaps and mails. */
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** development, test or production; production hides developer tools. */
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** pino log level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Trust X-Forwarded-* headers from a reverse proxy (needed for HSTS behind TLS). */
  TRUST_PROXY: booleanFlag.default(false),
  /** Seconds between flushes of the page-view and search counters to the database. */
  ANALYTICS_FLUSH_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** SMTP server for email (smtp://user:password@host:587); without it, mail goes to the development outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  /** The sender of the portal's email. */
  MAIL_FROM: z.string().min(3).default("Hukoomi <no-reply@hukoomi.example>"),
  /** SMS gateway address (receives POST { to, text }); without it, text messages go to the development outbox. */
  SMS_PROVIDER_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Bearer token for the SMS gateway. */
  SMS_PROVIDER_TOKEN: z.string().min(1).optional(),
  /** The national identity provider's issuer (smart-card sign-in); without it, national sign-in is not offered. */
  NATIONAL_IDP_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  /** Hukoomi's client ID at the national identity provider. */
  NATIONAL_IDP_CLIENT_ID: z.string().min(1).optional(),
  /** Hukoomi's client secret at the national identity provider. */
  NATIONAL_IDP_CLIENT_SECRET: z.string().min(1).optional(),
  /** Address of the demo agency portal (npm run demo:agency), registered with the demo content as a client of /idp. */
  DEMO_AGENCY_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3002"),
  /** The demo agency portal's client secret; for demonstrations only (in production a DEMONSTRATION needs its own). */
  DEMO_AGENCY_CLIENT_SECRET: z.string().min(16).default(PUBLISHED_DEMO_AGENCY_SECRET),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  /** Hours after sign-in at which a session ends, whatever the activity. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(168).default(12),
  /** Seconds between checks for content changes that call for a new search index. */
  SEARCH_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** Days an unfinished application (a draft) is kept after its last change. */
  DRAFT_KEEP_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Days before a draft expires that its owner is reminded by email. */
  DRAFT_REMINDER_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  /**
   * Months after a service was last reviewed that it is due for review again:
   * the workspace lists services past their review date and the job reminds
   * the agency's editors by email.
   */
  CONTENT_REVIEW_MONTHS: z.coerce.number().int().min(1).max(60).default(12),
  /** Seconds between runs of the background jobs (draft reminders and expiry); 0 turns them off (tests run them by hand). */
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  /** Seconds between passes of the outbox that sends email and text messages; 0 turns it off (tests send by hand). */
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(2),
  /**
   * Serve the sandbox payment gateway (/sandbox-gateway) and the simulated
   * agency registries (/sandbox-registries) for development and
   * demonstrations; off by default in production.
   */
  SANDBOXES: booleanFlag.optional(),
  /** The payment gateway's API; by default the bundled sandbox gateway. */
  PAYMENT_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Hukoomi's merchant id and API secret at the gateway. */
  PAYMENT_MERCHANT_ID: z.string().min(1).default("hukoomi"),
  PAYMENT_MERCHANT_SECRET: z.string().min(16).default("sandbox-merchant-secret"),
  /** The key the gateway signs its notifications with (HMAC-SHA256). */
  PAYMENT_NOTIFY_SECRET: z.string().min(16).default("sandbox-notification-secret"),
  /** Minutes after which an unfinished payment attempt is expired. */
  PAYMENT_EXPIRY_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  /** Seconds the sandbox gateway's "slow bank" test card takes to complete by itself. */
  SANDBOX_SLOW_CARD_SECONDS: z.coerce.number().int().min(0).max(3600).default(20),
  /** The agencies' registries (once-only data); by default the simulated ones. */
  REGISTRIES_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Bearer token for the registries. */
  REGISTRIES_TOKEN: z.string().min(16).default("sandbox-registries-token"),
  /** Milliseconds a registry has to answer before the form falls back to manual entry. */
  REGISTRY_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2000),
  /**
   * The key of the keyed hash (HMAC-SHA256) that stands for a person in a
   * survey's responses: one response each, without an anonymous response
   * saying whose it is. Keep it secret and never change it while surveys are
   * open (a changed key lets people answer again); set a long random one in production.
   */
  SURVEY_KEY_SECRET: z.string().min(16).default("development-survey-key-secret"),
  /**
   * Bearer token that lets a Prometheus scraper on another machine read
   * /metrics; without it, only requests from the machine itself (loopback,
   * not forwarded by a proxy) may. Set a long random one.
   */
  METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * Password sign-ins allowed from one address in a minute (then 429 with Retry-After): high enough for a person
   * correcting mistakes, low enough to stop guessing. An office behind one address may need more; the browser
   * tests, signing in dozens of times a minute from one machine, raise it.
   */
  SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /**
   * Redis (redis://host:6379) shared by every instance for rate limits, so a
   * limit counts one person's attempts on all instances together; without it,
   * each instance counts on its own (enough for one instance).
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .optional(),
  /**
   * Web origins allowed to call /api/v1 from their pages (CORS), separated by
   * commas: https://app.example,https://partner.example. None by default, so
   * no response carries Access-Control-Allow-Origin; apps that are not web
   * pages (mobile, servers) need no entry.
   */
  API_CORS_ORIGINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s?#]+$/, "each must be an origin such as https://app.example (no path)"))),
  /** Seconds a public page stays in each instance's page cache (0 turns the cache off); publishing empties it at once. */
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
  /**
   * Megabytes of rendered pages each instance keeps (three quarters for plain
   * addresses, a quarter for addresses with a query), counting each page at
   * one and a half times its size for its compressed copies. The shared cache
   * in front (nginx, a CDN) keeps the long tail; this keeps the pages most read.
   */
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(16),
});

export type Config = Omit<
  z.infer<typeof envSchema>,
  "BASE_URL" | "S3_FORCE_PATH_STYLE" | "SANDBOXES" | "PAYMENT_GATEWAY_URL" | "REGISTRIES_URL" | "SEED_DEMO"
> & {
  BASE_URL: string;
  SEED_DEMO: boolean;
  S3_FORCE_PATH_STYLE: boolean;
  SANDBOXES: boolean;
  PAYMENT_GATEWAY_URL: string;
  REGISTRIES_URL: string;
};

/** Problems no single variable shows: settings that the value of another makes required. */
function missingRequired(env: Record<string, string | undefined>): string[] {
  const s3 =
    env.STORAGE_DRIVER === "s3"
      ? ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]
          .filter((name) => env[name] === undefined)
          .map((name) => `${name}: required when STORAGE_DRIVER is s3`)
      : [];
  // Secrets come from the environment: in production the development defaults are refused.
  const secrets =
    env.NODE_ENV === "production"
      ? PRODUCTION_SECRETS.filter((name) => env[name] === undefined).map(
          (name) => `${name}: required in production (a long random value)`,
        )
      : [];
  return [...s3, ...secrets, ...demonstrationProblems(env)];
}

/**
 * Production never creates an account with a published password: demo
 * seeding there must be asked for and named as a demonstration
 * (DEMONSTRATION=true), and even then the demo agency client needs a secret
 * of its own rather than the published one.
 */
function demonstrationProblems(env: Record<string, string | undefined>): string[] {
  if (env.NODE_ENV !== "production") return [];
  const on = (name: string) => env[name] === "true" || env[name] === "1";
  if (!on("SEED_DEMO")) return [];
  if (!on("DEMONSTRATION")) {
    return [
      "SEED_DEMO: in production this would create the demo people, whose password is published; set DEMONSTRATION=true as well only if this portal is a demonstration",
    ];
  }
  return env.DEMO_AGENCY_CLIENT_SECRET === undefined || env.DEMO_AGENCY_CLIENT_SECRET === PUBLISHED_DEMO_AGENCY_SECRET
    ? [
        "DEMO_AGENCY_CLIENT_SECRET: a demonstration in production needs its own secret for the demo agency client, not the published one",
      ]
    : [];
}

/** Secrets that have a development default and must be set in production. */
const PRODUCTION_SECRETS = ["SURVEY_KEY_SECRET", "PAYMENT_MERCHANT_SECRET", "PAYMENT_NOTIFY_SECRET"];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => {
          const name = String(issue.path[0] ?? "environment");
          const got = present[name];
          return `${name}: ${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`;
        })),
    ...missingRequired(present),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const value = parsed.data;
  const shownHost = value.HOST === "0.0.0.0" ? "127.0.0.1" : value.HOST;
  const baseUrl = (value.BASE_URL ?? `http://${shownHost}:${value.PORT}`).replace(/\/$/, "");
  return {
    ...value,
    BASE_URL: baseUrl,
    S3_FORCE_PATH_STYLE: value.S3_FORCE_PATH_STYLE ?? value.S3_ENDPOINT !== undefined,
    SEED_DEMO: value.SEED_DEMO ?? value.NODE_ENV !== "production",
    SANDBOXES: value.SANDBOXES ?? value.NODE_ENV !== "production",
    PAYMENT_GATEWAY_URL: (value.PAYMENT_GATEWAY_URL ?? `${baseUrl}/sandbox-gateway`).replace(/\/$/, ""),
    REGISTRIES_URL: (value.REGISTRIES_URL ?? `${baseUrl}/sandbox-registries`).replace(/\/$/, ""),
  };
}
