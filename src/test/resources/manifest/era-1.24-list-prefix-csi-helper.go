/*
Test input written for Rebaser: the ~1.24 shape with registry.k8s.io defaults.
initImageConfigs receives the RegistryList and reads registries through "list.",
and the storage sidecars are added by a helper that walks a map of name -> version.
*/

package image

import (
	"fmt"
	"os"

	yaml "gopkg.in/yaml.v2"
)

// RegistryList holds public and private image registries
type RegistryList struct {
	GcAuthenticatedRegistry string `yaml:"gcAuthenticatedRegistry"`
	PromoterE2eRegistry     string `yaml:"promoterE2eRegistry"`
	BuildImageRegistry      string `yaml:"buildImageRegistry"`
	InvalidRegistry         string `yaml:"invalidRegistry"`
	GcEtcdRegistry          string `yaml:"gcEtcdRegistry"`
	GcRegistry              string `yaml:"gcRegistry"`
	SigStorageRegistry      string `yaml:"sigStorageRegistry"`
	PrivateRegistry         string `yaml:"privateRegistry"`
	DockerLibraryRegistry   string `yaml:"dockerLibraryRegistry"`
}

// Config holds an images registry, name, and version
type Config struct {
	registry string
	name     string
	version  string
}

const glusterOrg = "gluster"

var (
	registry = initReg()

	// glusterRegistry is not part of the RegistryList and cannot be overridden.
	glusterRegistry = "docker.io/" + glusterOrg

	imageConfigs, originalImageConfigs = initImageConfigs(registry)

	// storageSidecars are deployed next to the CSI drivers under test.
	storageSidecars = map[string]string{
		"csi-attacher":            "v3.4.0",
		"csi-node-driver-registrar": "v2.5.0",
		"csi-provisioner":         "v3.1.0",
	}
)

func initReg() RegistryList {
	registry := RegistryList{
		GcAuthenticatedRegistry: "gcr.io/authenticated-image-pulling",
		PromoterE2eRegistry:     "registry.k8s.io/e2e-test-images",
		BuildImageRegistry:      "registry.k8s.io/build-image",
		InvalidRegistry:         "invalid.com/invalid",
		GcEtcdRegistry:          "registry.k8s.io",
		GcRegistry:              "registry.k8s.io",
		SigStorageRegistry:      "registry.k8s.io/sig-storage",
		PrivateRegistry:         "gcr.io/k8s-authenticated-test",
		DockerLibraryRegistry:   "docker.io/library",
	}
	repoList := os.Getenv("KUBE_TEST_REPO_LIST")
	if repoList == "" {
		return registry
	}

	fileContent, err := os.ReadFile(repoList)
	if err != nil {
		panic(fmt.Errorf("error reading '%v' file contents: %v", repoList, err))
	}

	err = yaml.Unmarshal(fileContent, &registry)
	if err != nil {
		panic(fmt.Errorf("error unmarshalling '%v' YAML file: %v", repoList, err))
	}
	return registry
}

const (
	// None is to be used for unset/default images
	None = iota
	// Agnhost image
	Agnhost
	// BusyBox image
	BusyBox
	// DistrolessIptables image
	DistrolessIptables
	// Etcd image
	Etcd
	// GlusterDynamicProvisioner image
	GlusterDynamicProvisioner
	// InvalidRegistryImage image
	InvalidRegistryImage
	// Nginx image
	Nginx
	// Pause image
	Pause
)

func initImageConfigs(list RegistryList) (map[int]Config, map[int]Config) {
	configs := map[int]Config{}
	configs[Agnhost] = Config{list.PromoterE2eRegistry, "agnhost", "2.39"}
	configs[BusyBox] = Config{list.PromoterE2eRegistry, "busybox", "1.29-2"}
	configs[DistrolessIptables] = Config{list.BuildImageRegistry, "distroless-iptables", "v0.1.1"}
	configs[Etcd] = Config{list.GcEtcdRegistry, "etcd", "3.5.3-0"}
	configs[GlusterDynamicProvisioner] = Config{glusterRegistry, "glusterdynamic-provisioner", "v1.0"}
	configs[InvalidRegistryImage] = Config{list.InvalidRegistry, "alpine", "3.1"}
	configs[Nginx] = Config{
		registry: list.PromoterE2eRegistry,
		name:     "nginx",
		version:  "1.14-2",
	}
	configs[Pause] = Config{list.GcRegistry, "pause", "3.7"}

	// The sidecars have no constant of their own; they are numbered after the others.
	appendStorageSidecars(configs, list)

	originalImageConfigs := configs
	if repo := os.Getenv("KUBE_TEST_REPO"); len(repo) > 0 {
		configs = GetMappedImageConfigs(originalImageConfigs, repo)
	}
	return configs, originalImageConfigs
}

func appendStorageSidecars(configs map[int]Config, list RegistryList) {
	index := 0
	for i := range configs {
		if i > index {
			index = i
		}
	}
	for name, version := range storageSidecars {
		index++
		configs[index] = Config{list.SigStorageRegistry, name, version}
	}
}

// GetMappedImageConfigs is kept short here; the real one rewrites every config.
func GetMappedImageConfigs(originalImageConfigs map[int]Config, repo string) map[int]Config {
	configs := make(map[int]Config)
	for i, config := range originalImageConfigs {
		config.registry = repo
		configs[i] = config
	}
	return configs
}
