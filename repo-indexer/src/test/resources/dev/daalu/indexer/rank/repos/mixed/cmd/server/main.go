package main

import (
	"log"
	"net/http"
	"os"
)

// Config is read from the environment the ConfigMap fills.
type Config struct {
	ListenAddr string
}

func LoadConfig() Config {
	return Config{ListenAddr: os.Getenv("LISTEN_ADDR")}
}

func NewServer(cfg Config) *http.Server {
	return &http.Server{Addr: cfg.ListenAddr, Handler: Routes()}
}

func main() {
	log.Fatal(NewServer(LoadConfig()).ListenAndServe())
}
