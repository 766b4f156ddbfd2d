SRCS = tool
bin: generate
	../image-util.sh bin $(SRCS)
generate:
	go generate ./...
