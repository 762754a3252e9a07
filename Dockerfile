# The portal's production image: built once, run as many instances as needed
# (see deploy/compose.yaml). Node 24, as pinned by the project.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 FILES_DIR=/var/lib/hukoomi/files DATA_DIR=/var/lib/hukoomi/data
# The memory bound of an instance (README, "Memory"), as scripts/cluster sets it: V8's old generation capped
# (raise it for a catalogue of 100,000 services), its young generation at 2 × 8 MB, the C allocator's arenas at
# two, and its blocks of 64 kB or more given back to the system when freed.
ENV NODE_OPTIONS="--max-old-space-size=160 --max-semi-space-size=8" MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=65536 MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
# Only what runs: the built code, its production packages, migrations, content and messages.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/content ./content
COPY --from=build /app/messages ./messages
COPY --from=build /app/public ./public
RUN mkdir -p /var/lib/hukoomi && chown node:node /var/lib/hukoomi
USER node
EXPOSE 3000
# Asks the port the portal was given (PORT), not only the default.
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
