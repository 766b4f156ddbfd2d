/*
Rebaser's example tree: a small stand-in for Kubernetes' test/utils/image/manifest.go, written for
Rebaser in the shape current releases use (a RegistryList with defaults, an ImageID per image, and
initImageConfigs filling a map of Config{registry, name, version}). The images are small, Go-free
and quick to build under emulation.
*/

package image

import (
	"fmt"
	"os"

	"gopkg.in/yaml.v2"
)

// RegistryList names the registries the images come from; KUBE_TEST_REPO_LIST may override them.
type RegistryList struct {
	PromoterE2eRegistry   string `yaml:"promoterE2eRegistry"`
	DockerLibraryRegistry string `yaml:"dockerLibraryRegistry"`
}

// Config is one image: where it lives, its name and its version.
type Config struct {
	registry string
	name     string
	version  string
}

// ImageID picks an image.
type ImageID int

const (
	// None is the zero value.
	None ImageID = iota
	// Agnhost is the multi-purpose test image the others build on.
	Agnhost
	// Kitten serves a page, built on agnhost.
	Kitten
	// Nautilus serves another page, built on agnhost.
	Nautilus
	// EchoServer answers with what it is sent.
	EchoServer
	// VolumeStatic fills a volume with known files.
	VolumeStatic
	// DNSUtils carries dig and nslookup.
	DNSUtils
	// Httpd is an official image, rebuilt from the catalog YAML's source.
	Httpd
)

var (
	initRegistry = RegistryList{
		PromoterE2eRegistry:   "registry.k8s.io/e2e-test-images",
		DockerLibraryRegistry: "docker.io/library",
	}

	registry, imageConfigs = readRepoList(os.Getenv("KUBE_TEST_REPO_LIST"))
)

func readRepoList(repoList string) (RegistryList, map[ImageID]Config) {
	list := initRegistry
	if repoList != "" {
		content, err := os.ReadFile(repoList)
		if err != nil {
			panic(fmt.Errorf("reading %q: %w", repoList, err))
		}
		if err := yaml.Unmarshal(content, &list); err != nil {
			panic(fmt.Errorf("parsing %q: %w", repoList, err))
		}
	}
	return list, initImageConfigs(list)
}

func initImageConfigs(list RegistryList) map[ImageID]Config {
	configs := map[ImageID]Config{}
	configs[Agnhost] = Config{list.PromoterE2eRegistry, "agnhost", "2.53"}
	configs[Kitten] = Config{list.PromoterE2eRegistry, "kitten", "1.7"}
	configs[Nautilus] = Config{list.PromoterE2eRegistry, "nautilus", "1.7"}
	configs[EchoServer] = Config{list.PromoterE2eRegistry, "echoserver", "2.5"}
	configs[VolumeStatic] = Config{list.PromoterE2eRegistry, "volume/static", "1.0"}
	configs[DNSUtils] = Config{list.PromoterE2eRegistry, "dnsutils", "1.3"}
	configs[Httpd] = Config{list.DockerLibraryRegistry, "httpd", "2.4.38-alpine"}
	return configs
}

// GetE2EImage returns the full reference of an image.
func GetE2EImage(image ImageID) string {
	c := imageConfigs[image]
	return fmt.Sprintf("%s/%s:%s", c.registry, c.name, c.version)
}
