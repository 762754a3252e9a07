#!/bin/sh
# Proves the production container recipe on a machine with a Docker engine:
#   1. deploy/compose.yaml is valid (docker compose config, or docker-compose);
#   2. the Dockerfile builds;
#   3. the image runs as an unprivileged user, starts in production mode
#      against DATABASE_URL (a PostgreSQL server the container can reach on
#      the host's network), reports itself healthy through its HEALTHCHECK,
#      and serves the home page in Arabic and English and /metrics is closed
#      to the outside without a token.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hukoomi_smoke scripts/container/smoke.sh
#
# The database is migrated and given the demo content by the container itself.
# IMAGE (default hukoomi:smoke) and SMOKE_PORT (default 3999) may be set.
set -eu

cd "$(dirname "$0")/../.."
IMAGE=${IMAGE:-hukoomi:smoke}
PORT=${SMOKE_PORT:-3999}
NAME=hukoomi-smoke-$$
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL database the container may use}"

step() { printf '\n== %s\n' "$1"; }
fail() { printf 'FAILED: %s\n' "$1" >&2; exit 1; }
secret() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }

step "compose file"
if docker compose version >/dev/null 2>&1; then COMPOSE="docker compose"; else COMPOSE=docker-compose; fi
POSTGRES_PASSWORD=x BASE_URL=https://portal.example SURVEY_KEY_SECRET=x PAYMENT_MERCHANT_SECRET=x PAYMENT_NOTIFY_SECRET=x \
  $COMPOSE -f deploy/compose.yaml config -q || fail "deploy/compose.yaml is not valid"
echo "deploy/compose.yaml is valid ($COMPOSE)"

step "build $IMAGE"
docker build --network host -t "$IMAGE" . || fail "the image did not build"

cleanup() { docker rm -f "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT INT TERM

step "run"
docker run -d --name "$NAME" --network host \
  -e PORT="$PORT" -e HOST=127.0.0.1 -e BASE_URL="http://127.0.0.1:$PORT" \
  -e DATABASE_URL="$DATABASE_URL" -e SEED_DEMO=true -e DEMONSTRATION=true -e DEMO_AGENCY_CLIENT_SECRET="$(secret)" \
  -e SURVEY_KEY_SECRET="$(secret)" -e PAYMENT_MERCHANT_SECRET="$(secret)" -e PAYMENT_NOTIFY_SECRET="$(secret)" \
  -e METRICS_TOKEN="$(secret)" \
  "$IMAGE" >/dev/null

[ "$(docker exec "$NAME" id -u)" != 0 ] || fail "the container runs as root"
echo "runs as $(docker exec "$NAME" id -un)"

health=starting
for _ in $(seq 1 60); do
  health=$(docker inspect -f '{{.State.Health.Status}}' "$NAME")
  [ "$health" = healthy ] && break
  [ "$(docker inspect -f '{{.State.Running}}' "$NAME")" = true ] || break
  sleep 2
done
if [ "$health" != healthy ]; then
  docker logs "$NAME" 2>&1 | tail -40
  fail "the container did not become healthy ($health)"
fi
echo "healthy"

step "pages"
get() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$1"; }
curl -s "http://127.0.0.1:$PORT/" | grep -q 'lang="ar" dir="rtl"' || fail "the Arabic home page"
curl -s "http://127.0.0.1:$PORT/en" | grep -q 'lang="en" dir="ltr"' || fail "the English home page"
[ "$(get /en/services)" = 200 ] || fail "/en/services"
[ "$(get /readyz)" = 200 ] || fail "/readyz"
echo "home pages in both languages, the services list and readiness answer"

printf '\nContainer smoke test passed: %s\n' "$IMAGE"
