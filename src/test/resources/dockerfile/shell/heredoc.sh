cat > /etc/app.conf <<EOF
listen 80; if then fi
  $(not a command) && neither
EOF
cat <<-'END' | sed 's/^/> /' >> /tmp/motd
	welcome; rm -rf /tmp/x
	END
echo done
