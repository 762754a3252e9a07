import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * Security headers on every response: a Content-Security-Policy that allows
 * only the portal's own scripts, styles, fonts and images (no inline
 * scripts), no framing, a strict referrer policy, and HSTS only when the
 * request really came over TLS.
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        // Browsers report what the policy blocked (src/platform/observability/csp-report.ts).
        reportUri: ["/csp-report"],
        reportTo: ["csp"],
      },
    },
    hsts: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.protocol === "https") {
      reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    }
    reply.header("x-request-id", request.id);
    reply.header("reporting-endpoints", 'csp="/csp-report"');
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  });
});
