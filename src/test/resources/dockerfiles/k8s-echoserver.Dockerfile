ARG BASEIMAGE
FROM $BASEIMAGE

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

RUN apk add --no-cache bash openssl nginx-mod-http-lua nginx-mod-http-lua-upstream \
  && mkdir -p /run/nginx /var/log/nginx \
  && ln -sf /dev/stdout /var/log/nginx/access.log \
  && ln -sf /dev/stderr /var/log/nginx/error.log

COPY nginx.conf /etc/nginx/nginx.conf
COPY template.lua /etc/nginx/template.lua
COPY run.sh /usr/local/bin/run.sh

EXPOSE 8080 8443

CMD ["/usr/local/bin/run.sh"]
