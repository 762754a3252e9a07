import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const PRODUCTION_SECRETS = {
  SURVEY_KEY_SECRET: "a-long-random-survey-secret",
  PAYMENT_MERCHANT_SECRET: "a-long-random-merchant-secret",
  PAYMENT_NOTIFY_SECRET: "a-long-random-notify-secret",
};

describe("loadConfig", () => {
  it("gives working defaults for a fresh machine", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", DATA_DIR: "./data", NODE_ENV: "development" });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.BASE_URL).toBe("http://127.0.0.1:3000");
  });

  it("reads every documented variable", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      DATA_DIR: "/var/lib/hukoomi",
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test",
      BASE_URL: "https://hukoomi.example/",
      NODE_ENV: "production",
      TRUST_PROXY: "true",
      ...PRODUCTION_SECRETS,
    });
    expect(config).toMatchObject({
      PORT: 8080,
      HOST: "0.0.0.0",
      DATA_DIR: "/var/lib/hukoomi",
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test",
      BASE_URL: "https://hukoomi.example",
      NODE_ENV: "production",
      TRUST_PROXY: true,
    });
  });

  it("names every bad variable and what it was given", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", NODE_ENV: "staging" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT: .*"eighty"/);
    expect(message).toMatch(/DATABASE_URL: must start with postgres:\/\/ .*"mysql:\/\/x"/);
    expect(message).toMatch(/NODE_ENV: .*"staging"/);
    expect((error as ConfigError).problems).toHaveLength(3);
  });

  it("keeps files in the local folder unless told otherwise", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ STORAGE_DRIVER: "local", FILES_DIR: "./data/files", S3_REGION: "us-east-1" });
    expect(config.S3_FORCE_PATH_STYLE).toBe(false);
  });

  it("reads the S3 settings, with path-style addressing by default for a custom endpoint", () => {
    const s3 = {
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_REGION: "me-central-1",
      S3_BUCKET: "hukoomi-files",
      S3_ACCESS_KEY_ID: "portal",
      S3_SECRET_ACCESS_KEY: "portal-secret",
    };
    expect(loadConfig(s3)).toMatchObject({ ...s3, S3_FORCE_PATH_STYLE: true });
    expect(loadConfig({ ...s3, S3_FORCE_PATH_STYLE: "false" }).S3_FORCE_PATH_STYLE).toBe(false);
    expect(loadConfig({ ...s3, S3_ENDPOINT: undefined }).S3_FORCE_PATH_STYLE).toBe(false);
  });

  it("refuses the s3 driver without a bucket and keys, naming each missing variable", () => {
    let error: unknown;
    try {
      loadConfig({ STORAGE_DRIVER: "s3", S3_ACCESS_KEY_ID: "portal", PORT: "eighty" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^PORT: /),
      "S3_BUCKET: required when STORAGE_DRIVER is s3",
      "S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER is s3",
    ]);
  });

  it("refuses bad storage values", () => {
    expect(() => loadConfig({ STORAGE_DRIVER: "ftp" })).toThrow(/STORAGE_DRIVER: .*"ftp"/);
    expect(() => loadConfig({ S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT: .*"minio:9000"/);
    expect(() => loadConfig({ S3_BUCKET: "Hukoomi_Files" })).toThrow(/S3_BUCKET: must be 3 to 63 .*"Hukoomi_Files"/);
    expect(() => loadConfig({ S3_FORCE_PATH_STYLE: "yes" })).toThrow(/S3_FORCE_PATH_STYLE: .*"yes"/);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });

  it("loads the demo people only when asked, and in production only for a named demonstration with its own client secret", () => {
    expect(loadConfig({}).SEED_DEMO).toBe(true);
    expect(loadConfig({ NODE_ENV: "production", ...PRODUCTION_SECRETS }).SEED_DEMO).toBe(false);
    expect(() => loadConfig({ NODE_ENV: "production", SEED_DEMO: "true", ...PRODUCTION_SECRETS })).toThrow(
      /SEED_DEMO: in production this would create the demo people, whose password is published/,
    );
    expect(() => loadConfig({ NODE_ENV: "production", SEED_DEMO: "true", DEMONSTRATION: "true", ...PRODUCTION_SECRETS })).toThrow(
      /DEMO_AGENCY_CLIENT_SECRET: a demonstration in production needs its own secret/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: "production",
        SEED_DEMO: "true",
        DEMONSTRATION: "true",
        DEMO_AGENCY_CLIENT_SECRET: "demo-agency-portal-secret",
        ...PRODUCTION_SECRETS,
      }),
    ).toThrow(/DEMO_AGENCY_CLIENT_SECRET/);
    const demonstration = loadConfig({
      NODE_ENV: "production",
      SEED_DEMO: "1",
      DEMONSTRATION: "true",
      DEMO_AGENCY_CLIENT_SECRET: "a-demonstration-of-its-own",
      ...PRODUCTION_SECRETS,
    });
    expect(demonstration).toMatchObject({ SEED_DEMO: true, DEMONSTRATION: true });
  });

  it("refuses to start in production on the development secrets", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SURVEY_KEY_SECRET: required in production/);
    expect(() => loadConfig({ NODE_ENV: "production", ...PRODUCTION_SECRETS })).not.toThrow();
  });
});
