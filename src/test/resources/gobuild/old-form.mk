SRCS=echoserver
ARCH?=amd64
TARGET?=$(CURDIR)
export

# image-util.sh builds into $(TARGET)
bin:
	../image-util.sh bin $(SRCS)
