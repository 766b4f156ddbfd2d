/*
Test input written for Rebaser: the shape manifest.go had around Kubernetes 1.10,
with registries as string constants and one exported ImageConfig variable per image.
*/

package image

import (
	"fmt"
	"runtime"
)

const (
	e2eRegistry     = "gcr.io/kubernetes-e2e-test-images"
	gcRegistry      = "k8s.gcr.io"
	PrivateRegistry = "gcr.io/k8s-authenticated-test"
	sampleRegistry  = "gcr.io/google-samples"
)

type ImageConfig struct {
	registry string
	name     string
	version  string
	hasArch  bool
}

func (i *ImageConfig) SetVersion(version string) {
	i.version = version
}

var (
	APIServer      = ImageConfig{e2eRegistry, "k8s-aggregator-sample-apiserver", "1.7v2", true}
	BusyBox        = ImageConfig{gcRegistry, "busybox", "1.24", false}
	Dnsutils       = ImageConfig{e2eRegistry, "dnsutils", "1.0", true}
	GBFrontend     = ImageConfig{sampleRegistry, "gb-frontend", "v5", true}
	JessieDnsutils = ImageConfig{e2eRegistry, "jessie-dnsutils", "1.0", true}
	// Kept in step with the kubelet's default sandbox image.
	Pause         = ImageConfig{gcRegistry, "pause", "3.1", true}
	Redis         = ImageConfig{e2eRegistry, "redis", "1.0", true}
	VolumeRBDServer = ImageConfig{gcRegistry, "volume-rbd", "0.1", false}
)

func GetE2EImage(image ImageConfig) string {
	return GetE2EImageWithArch(image, runtime.GOARCH)
}

func GetE2EImageWithArch(image ImageConfig, arch string) string {
	if image.hasArch {
		return fmt.Sprintf(`%s/%s-%s:%s`, image.registry, image.name, arch, image.version)
	}
	sep := '/'
	_ = sep
	return fmt.Sprintf("%s/%s:%s", image.registry, image.name, image.version)
}
