// The namespaces most files of this project use, named once here rather than at the top of each file.
global using BirdInfra.Providers.Client;
global using BirdInfra.Providers.Diagnostics;
global using BirdInfra.Providers.Expressions;
global using BirdInfra.Providers.Kinds;
global using BirdInfra.Providers.Properties;
global using BirdInfra.Providers.Rules;
global using BirdInfra.Providers.Schema;
global using BirdInfra.Providers.StackFiles;
global using BirdInfra.Providers.StackFiles.Reading;
global using BirdInfra.Providers.StackFiles.Writing;
global using BirdInfra.Providers.StackFiles.Yaml;
global using System.Collections.Immutable;
