FROM redis:7.2-alpine AS probe
HEALTHCHECK CMD ["redis-cli", "ping"]
FROM probe
HEALTHCHECK NONE
