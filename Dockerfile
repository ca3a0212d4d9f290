# kfrelease: build with `docker build -t kfrelease .`, run as described in README.md ("Docker").

# --- build: compile TypeScript and the better-sqlite3 native module -----------------------------
FROM node:24-bookworm-slim AS build

# better-sqlite3 downloads a prebuilt binary when one matches this Node and platform, and compiles
# from source otherwise; compiling needs python3, make and a C++ compiler.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so this layer is reused while only the sources change. --ignore-scripts
# skips the project's `prepare` (tsc, which needs the sources copied below); the one dependency
# with an install script, better-sqlite3, is then built on its own.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3

# Everything else that .dockerignore lets through (sources, config, migrations, bin, tsconfig).
COPY . .

# Compile to dist/, then drop the dev dependencies (typescript, jest, ...). --ignore-scripts keeps
# npm from running `prepare` again now that tsc is gone.
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime -------------------------------------------------------------------------------------
FROM node:24-bookworm-slim

# The release team's YAML files (working groups, templates, calendar, agenda items, checklists,
# dependencies) are read from KFRELEASE_CONFIG_DIR: the copy baked in below unless a folder is
# mounted and named, e.g. -v "$PWD/kfrelease-config:/config:ro" -e KFRELEASE_CONFIG_DIR=/config.
ENV NODE_ENV=production \
    DATABASE_PATH=/data/kfrelease.db \
    KFRELEASE_CONFIG_DIR=/app/config \
    PORT=3000

WORKDIR /app

# The app files stay owned by root (read-only for the bot); only /data is writable.
# package.json must sit next to config/ and migrations/: the code finds its folder by walking up
# from dist/src to the first folder (not named dist) that holds a package.json.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/config ./config
COPY --from=build /app/migrations ./migrations

# The SQLite database (plus its -wal and -shm files) lives here; a new named volume takes this
# directory's owner, so the bot can write to it.
RUN mkdir -p /data && chown node:node /data
VOLUME /data

USER node

EXPOSE 3000

# Slim images have no curl: ask Node itself. /healthz answers 200 while the database answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]

CMD ["node", "dist/src/main.js"]
