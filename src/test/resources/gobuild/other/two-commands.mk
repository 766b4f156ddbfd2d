SRCS = tool
bin:
	../image-util.sh bin $(SRCS)
	cp tool $(TARGET)/extra
