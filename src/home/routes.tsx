import type { FastifyInstance } from "fastify";
import type { ContentPage } from "../pages/content.js";
import { HomePage } from "./views/HomePage.js";

/** The home page. */
export async function homeRoutes(app: FastifyInstance, opts: { pages: ContentPage[] }) {
  const about = opts.pages.filter((p) => p.path === "/about" || p.parent === "/about");
  app.get("/", async (request, reply) =>
    reply.page({
      title: request.tr.t("home.documentTitle"),
      description: request.tr.t("home.lead"),
      body: (
        <HomePage
          aboutLinks={about.map((p) => ({
            path: p.path,
            title: p.text[request.locale].title,
            description: p.text[request.locale].description,
          }))}
        />
      ),
    }),
  );
}
