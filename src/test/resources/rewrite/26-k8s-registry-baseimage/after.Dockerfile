ARG BASEIMAGE
FROM $BASEIMAGE

COPY html/ /var/www/
EXPOSE 80
ENTRYPOINT ["/agnhost", "netexec", "--http-port=80"]
