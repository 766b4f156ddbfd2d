FROM debian:bookworm-slim
RUN groupadd --gid 1001 --system web \
 && useradd --uid 1001 --system --no-create-home --gid web --shell /sbin/nologin web \
 && groupadd --system audit && usermod --append --groups audit web \
 && useradd --comment 'Build User' --create-home --user-group builder \
 && useradd --no-create-home --user-group tmpuser && userdel tmpuser \
 && groupdel audit
USER web
