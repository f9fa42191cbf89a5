# One image for every Rantau service; docker-compose.yml chooses the role with its `command`
# (registry <CC> <key> | subgraph <CC> | regional | gateway), passed to bin/service.ts.
FROM node:20-slim
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app

# Exactly the locked dependencies, production only (tsx and esbuild are production dependencies:
# the services run TypeScript through tsx, and esbuild bundles the IDE and the analyst page).
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .
# The IDE and the analyst page are bundled now, so no container bundles them at start; the supergraph volume's folder
# belongs to the unprivileged user, so a new volume mounted there is writable by the compose job.
RUN node --import tsx bin/buildIde.ts \
 && mkdir -p /app/supergraph \
 && chown node:node /app/supergraph

USER node
# Node is the process Docker signals (with `init: true`, under Docker's init): SIGTERM reaches
# bin/service.ts, which stops accepting and finishes in-flight requests. `npm run` or `sh -c`
# would swallow it.
ENTRYPOINT ["node", "--import", "tsx", "bin/service.ts"]
CMD ["gateway"]
# Liveness: the process answers. docker-compose.yml replaces this with /ready where others wait for it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
