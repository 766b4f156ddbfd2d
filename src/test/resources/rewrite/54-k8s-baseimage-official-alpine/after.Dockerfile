ARG BASEIMAGE
FROM $BASEIMAGE
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends apache2 && rm -rf /var/lib/apt/lists/*
CMD ["apache2ctl", "-D", "FOREGROUND"]

COPY index.html /usr/local/apache2/htdocs/index.html
