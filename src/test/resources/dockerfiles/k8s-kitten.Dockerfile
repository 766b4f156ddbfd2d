ARG BASEIMAGE
FROM $BASEIMAGE
COPY html/kitten.jpg /usr/local/apache2/htdocs/
