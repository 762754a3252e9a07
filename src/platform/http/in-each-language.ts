import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import { localePrefix, locales } from "../i18n/locales.js";

/** Registers a plugin of pages twice: at / for Arabic and under /en for English (each area's register does it for its pages). */
export async function inEachLanguage<Options extends object>(
  app: FastifyInstance,
  plugin: (app: FastifyInstance, opts: Options) => Promise<void>,
  opts: Options,
): Promise<void> {
  for (const locale of locales) {
    await app.register(plugin as FastifyPluginAsync<Options>, { ...opts, prefix: localePrefix(locale) });
  }
}
