# The helpers are listed one a line.
SRCS = first \
	second/second \
    third # the last one
SRC_DIR := $(notdir $(shell pwd))
GOFLAGS := -trimpath
export

bin: ; ../image-util.sh bin $(SRCS)
