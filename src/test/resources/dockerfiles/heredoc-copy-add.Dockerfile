FROM nginx:1.27-alpine
COPY --chmod=0644 <<EOF /etc/nginx/conf.d/health.conf
server {
    listen 8081;
    location /healthz { return 200 'ok'; }
}
EOF
ADD --chown=nginx:nginx <<-EOT /usr/share/nginx/html/index.html
	<html><body>probe</body></html>
	EOT
EXPOSE 8081
