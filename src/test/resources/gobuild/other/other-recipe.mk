SRCS = tool

bin:
	go build -o tool .
