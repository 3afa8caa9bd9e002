// The namespaces most files of this project use, named once here rather than at the top of each file.
global using BirdInfra.Emulator.Auth;
global using BirdInfra.Emulator.Channels;
global using BirdInfra.Emulator.Configuration;
global using BirdInfra.Emulator.Http;
global using BirdInfra.Emulator.Iam;
global using BirdInfra.Emulator.Paging;
global using BirdInfra.Emulator.Store;
global using BirdInfra.Emulator.Webhooks;
