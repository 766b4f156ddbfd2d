/*
Test input written for Rebaser: the ~1.15 shape. Images are numbered by an iota block and
initImageConfigs() fills a map with configs[X] = Config{...}. One registry is derived from
another by concatenation, one is a fixed string outside the RegistryList.
*/

package image

import (
	"fmt"
	"io/ioutil"
	"os"

	yaml "gopkg.in/yaml.v2"
)

// RegistryList holds public and private image registries
type RegistryList struct {
	DockerLibraryRegistry string `yaml:"dockerLibraryRegistry"`
	E2eRegistry           string `yaml:"e2eRegistry"`
	GcRegistry            string `yaml:"gcRegistry"`
	QuayK8sCSI            string `yaml:"quayK8sCSI"`
}

// Config holds an images registry, name, and version
type Config struct {
	registry string
	name     string
	version  string
}

func initReg() RegistryList {
	registry := RegistryList{
		DockerLibraryRegistry: "docker.io/library",
		E2eRegistry:           "gcr.io/kubernetes-e2e-test-images",
		GcRegistry:            "k8s.gcr.io",
		QuayK8sCSI:            "quay.io/k8scsi",
	}
	repoList := os.Getenv("KUBE_TEST_REPO_LIST")
	if repoList == "" {
		return registry
	}
	fileContent, err := ioutil.ReadFile(repoList)
	if err != nil {
		panic(fmt.Errorf("Error reading '%v' file contents: %v", repoList, err))
	}
	err = yaml.Unmarshal(fileContent, &registry)
	if err != nil {
		panic(fmt.Errorf("Error unmarshalling '%v' YAML file: %v", repoList, err))
	}
	return registry
}

var (
	registry              = initReg()
	dockerLibraryRegistry = registry.DockerLibraryRegistry
	e2eRegistry           = registry.E2eRegistry
	e2eVolumeRegistry     = e2eRegistry + "/volume"
	e2eGcRegistry         = "gcr.io/kubernetes-e2e-test-images"
	gcRegistry            = registry.GcRegistry
	quayK8sCSI            = registry.QuayK8sCSI

	// Preconfigured image configs
	imageConfigs = initImageConfigs()
)

const (
	// Agnhost image
	Agnhost = iota
	// BusyBox image
	BusyBox
	// Etcd image
	Etcd
	// Httpd image
	Httpd
	// Mounttest image
	Mounttest
	// VolumeISCSIServer image
	VolumeISCSIServer
	// WindowsNanoServer image
	WindowsNanoServer
)

func initImageConfigs() map[int]Config {
	configs := map[int]Config{}
	configs[Agnhost] = Config{e2eRegistry, "agnhost", "2.2"}
	configs[BusyBox] = Config{dockerLibraryRegistry, "busybox", "1.29"}
	configs[Etcd] = Config{gcRegistry, "etcd", "3.3.10"}
	configs[Httpd] = Config{dockerLibraryRegistry, "httpd", "2.4.38-alpine"}
	configs[Mounttest] = Config{e2eRegistry, "mounttest", "1.0"}
	configs[VolumeISCSIServer] = Config{e2eVolumeRegistry, "iscsi", "2.0"}
	configs[WindowsNanoServer] = Config{e2eGcRegistry, "windows-nanoserver", "v1"}
	return configs
}

// GetE2EImage returns the fully qualified URI to an image (including version)
func GetE2EImage(image int) string {
	return fmt.Sprintf("%s/%s:%s", imageConfigs[image].registry, imageConfigs[image].name, imageConfigs[image].version)
}
