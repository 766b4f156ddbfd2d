/*
Test input written for Rebaser: the shape of forks that ship no registry defaults. The
RegistryList is declared zero-valued and initReg() fills it only from the YAML file named
by KUBE_TEST_REPO_LIST; without that file every registry of the list is empty. Images use
the list's fields directly in keyed Config literals. One image has a literal registry,
one derives its registry from a field by concatenation.
*/

package image

import (
	"fmt"
	"io/ioutil"
	"os"

	yaml "gopkg.in/yaml.v2"
)

// RegistryList holds the registries of the lab; there are no defaults.
type RegistryList struct {
	DockerLibraryRegistry string `yaml:"dockerLibraryRegistry"`
	E2eRegistry           string `yaml:"e2eRegistry"`
	GcRegistry            string `yaml:"gcRegistry"`
	PrivateRegistry       string `yaml:"privateRegistry"`
	SampleRegistry        string `yaml:"sampleRegistry"`
}

// Config holds an images registry, name, and version
type Config struct {
	registry string
	name     string
	version  string
}

var (
	registry     RegistryList
	imageConfigs map[ImageID]Config
)

func init() {
	registry = initReg()
	imageConfigs = initImageConfigs()
}

// initReg reads the registries; a missing KUBE_TEST_REPO_LIST leaves them all empty.
func initReg() RegistryList {
	repoList := os.Getenv("KUBE_TEST_REPO_LIST")
	if repoList == "" {
		return registry
	}
	fileContent, err := ioutil.ReadFile(repoList)
	if err != nil {
		panic(fmt.Errorf("cannot read registry list %q: %v", repoList, err))
	}
	if err := yaml.Unmarshal(fileContent, &registry); err != nil {
		panic(fmt.Errorf("cannot parse registry list %q: %v", repoList, err))
	}
	return registry
}

// ImageID names an image of the e2e suite.
type ImageID int

const (
	// Agnhost image
	Agnhost ImageID = iota
	// AgnhostPrivate image
	AgnhostPrivate
	// BusyBox image
	BusyBox
	// Etcd image
	Etcd
	// Pause image
	Pause
	// Perl image
	Perl
	// VolumeNFSServer image
	VolumeNFSServer
)

func initImageConfigs() map[ImageID]Config {
	configs := map[ImageID]Config{}
	configs[Agnhost] = Config{registry: registry.E2eRegistry, name: "agnhost", version: "2.21"}
	configs[AgnhostPrivate] = Config{registry: registry.PrivateRegistry, name: "agnhost", version: "2.6"}
	configs[BusyBox] = Config{registry: registry.DockerLibraryRegistry, name: "busybox", version: "1.29"}
	configs[Etcd] = Config{registry: registry.GcRegistry, name: "etcd", version: "3.4.13-0"}
	configs[Pause] = Config{registry: registry.GcRegistry, name: "pause", version: "3.2"}
	configs[Perl] = Config{registry: "docker.io/library", name: "perl", version: "5.26"}
	configs[VolumeNFSServer] = Config{registry: registry.E2eRegistry + "/volume", name: "nfs", version: "1.0"}
	return configs
}

// GetE2EImage returns the fully qualified URI to an image (including version)
func GetE2EImage(id ImageID) string {
	c := imageConfigs[id]
	return fmt.Sprintf("%s/%s:%s", c.registry, c.name, c.version)
}
