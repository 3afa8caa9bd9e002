// The namespaces most files of this project use, named once here rather than at the top of each file.
global using BirdInfra.Providers.Client;
global using BirdInfra.Providers.Kinds;
global using BirdInfra.Providers.Properties;
global using BirdInfra.Providers.PulumiWire;
