SRCS = tool

build:
	../image-util.sh bin $(SRCS)
