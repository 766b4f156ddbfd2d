FROM nginx:1.27-alpine
CMD ["nginx", "-g" "daemon off;"]
RUN ['echo', 'single quotes']
ENTRYPOINT [/docker-entrypoint.sh]
VOLUME /var/cache/nginx
