ARG BASEIMAGE
FROM $BASEIMAGE
COPY html/nautilus.jpg /usr/local/apache2/htdocs/
