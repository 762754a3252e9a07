import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

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

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });
});
